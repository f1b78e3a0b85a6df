"""WRONG: one threshold, no memory.

The signal is recomputed from the depth alone (above 80%), so it switches
off as soon as the depth dips to 80% and flaps around the threshold.
"""

import threading
from typing import List


class LoadMonitor:
    def __init__(self, capacity: int, workers: int, stale_after: float, now: float) -> None:
        self._lock = threading.Lock()
        self._capacity = capacity
        self._depth = 0
        self._overloaded = False
        self._failures = 0
        self._stale_after = stale_after
        self._last_seen = [now] * workers

    def try_enqueue(self) -> bool:
        with self._lock:
            if self._depth >= self._capacity:
                return False  # fast-fail: the caller sheds load
            self._depth += 1
            if self._depth * 10 > self._capacity * 8:
                self._overloaded = True
            return True

    def dequeued(self) -> None:
        with self._lock:
            self._depth -= 1
            self._overloaded = self._depth * 10 > self._capacity * 8

    def overloaded(self) -> bool:
        with self._lock:
            return self._overloaded

    def heartbeat(self, worker: int, now: float) -> None:
        with self._lock:
            self._last_seen[worker] = max(self._last_seen[worker], now)

    def finished(self, worker: int, now: float, ok: bool) -> None:
        with self._lock:
            self._last_seen[worker] = max(self._last_seen[worker], now)
            if not ok:
                self._failures += 1

    def failures(self) -> int:
        with self._lock:
            return self._failures

    def stale_workers(self, now: float) -> List[int]:
        with self._lock:
            return [w for w, seen in enumerate(self._last_seen) if now - seen > self._stale_after]
