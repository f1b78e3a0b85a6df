"""WRONG: the worker moves its counters outside the lock.

An unlocked += on a shared dict entry can lose an update, and a metrics()
snapshot can land between the two halves of a move (queued already down,
running not yet up), so it does not balance.
"""

import collections
import threading
from typing import Callable, Dict, List

Task = Callable[[], None]


class Executor:
    def __init__(self, workers: int, capacity: int) -> None:
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._queue = collections.deque()  # type: collections.deque
        self._capacity = capacity
        self._closed = False
        self._m = dict(submitted=0, accepted=0, rejected=0, completed=0, failed=0, queued=0, running=0)
        self._threads = [
            threading.Thread(target=self._worker, name="worker-%d" % i) for i in range(workers)
        ]  # type: List[threading.Thread]
        for t in self._threads:
            t.start()

    def try_submit(self, task: Task) -> bool:
        with self._lock:
            self._m["submitted"] += 1
            if self._closed or len(self._queue) >= self._capacity:
                self._m["rejected"] += 1
                return False
            self._queue.append(task)
            self._m["accepted"] += 1
            self._m["queued"] += 1
            self._work.notify()
            return True

    def _worker(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._work.wait()
                if not self._queue:
                    return  # closed and drained
                task = self._queue.popleft()
                self._m["queued"] -= 1
            self._m["running"] += 1
            try:
                task()
                outcome = "completed"
            except Exception:  # the task's failure, not the worker's
                outcome = "failed"
            self._m["running"] -= 1
            self._m[outcome] += 1

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            self._work.notify_all()
        for t in self._threads:
            t.join()

    def metrics(self) -> Dict[str, int]:
        with self._lock:
            return dict(self._m)
