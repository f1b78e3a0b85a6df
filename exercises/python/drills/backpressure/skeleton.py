"""Backpressure with hysteresis, failure counts and worker heartbeats (Python 3.8)."""

import threading
from typing import List


class LoadMonitor:
    def __init__(self, capacity: int, workers: int, stale_after: float, now: float) -> None:
        """One lock over depth, the overload flag, failures, last_seen per worker."""
        raise NotImplementedError

    def try_enqueue(self) -> bool:
        """Admit one request if depth < capacity."""
        raise NotImplementedError

    def dequeued(self) -> None:
        """A worker took one request off the queue."""
        raise NotImplementedError

    def overloaded(self) -> bool:
        """On above 80% of capacity, off below 50%, unchanged in between."""
        raise NotImplementedError

    def heartbeat(self, worker: int, now: float) -> None:
        raise NotImplementedError

    def finished(self, worker: int, now: float, ok: bool) -> None:
        raise NotImplementedError

    def failures(self) -> int:
        raise NotImplementedError

    def stale_workers(self, now: float) -> List[int]:
        """Workers with now - last_seen > stale_after, in index order."""
        raise NotImplementedError
