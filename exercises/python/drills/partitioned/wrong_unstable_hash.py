"""WRONG: partition_of uses Python's hash().

hash() of a str is salted per process (PYTHONHASHSEED), so after a restart
the same key lands on another worker: order and affinity do not survive.
"""

import queue
import threading
import zlib
from typing import Callable, List

Task = Callable[[], None]

_STOP = object()


class PartitionedExecutor:
    def __init__(self, workers: int, capacity: int) -> None:
        self._lanes = [queue.Queue(maxsize=capacity) for _ in range(workers)]
        self._lock = threading.Lock()  # guards _closed against submit
        self._closed = False
        self._threads = [
            threading.Thread(target=self._worker, args=(lane,), name="worker-%d" % i)
            for i, lane in enumerate(self._lanes)
        ]
        for t in self._threads:
            t.start()

    def partition_of(self, key: str) -> int:
        return hash(key) % len(self._lanes)

    def submit(self, key: str, task: Task) -> bool:
        with self._lock:
            if self._closed:
                return False
            try:
                self._lanes[self.partition_of(key)].put_nowait(task)
                return True
            except queue.Full:
                return False

    def depths(self) -> List[int]:
        return [lane.qsize() for lane in self._lanes]  # a hint, fine for monitoring

    def _worker(self, lane: "queue.Queue") -> None:
        while True:
            task = lane.get()
            if task is _STOP:
                return
            try:
                task()
            except Exception:
                pass  # the task's failure; the worker carries on

    def shutdown(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for lane in self._lanes:
            lane.put(_STOP)  # behind the backlog: the lane drains first
        for t in self._threads:
            t.join()
