"""The partitioned executor: per-key order, per-worker queues (Python 3.8)."""

import queue
import threading
import zlib
from typing import Callable, List

Task = Callable[[], None]


class PartitionedExecutor:
    def __init__(self, workers: int, capacity: int) -> None:
        """One queue.Queue(maxsize=capacity) and one thread per worker."""
        raise NotImplementedError

    def partition_of(self, key: str) -> int:
        """Stable: zlib.crc32(key.encode()) % workers, not hash(key)."""
        raise NotImplementedError

    def submit(self, key: str, task: Task) -> bool:
        """Queue on the key's worker; False if that queue is full or shut down."""
        raise NotImplementedError

    def depths(self) -> List[int]:
        """Tasks waiting per worker."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Refuse new tasks, drain every queue, join every worker."""
        raise NotImplementedError
