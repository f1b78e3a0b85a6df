"""Backpressure and worker health, reference solution.

Everything sits behind one lock: the depth, the signal derived from it,
the failure count and the heartbeats. So "check there is room, then take
it" is one step (two racers cannot both get the last slot), and += on the
counters cannot lose an update. The hysteresis is two thresholds and a
remembered state: only an enqueue can switch the signal on (depth above
80%) and only a dequeue can switch it off (depth below 50%). Heartbeats
keep the latest time seen per worker, so a late report carrying an older
time changes nothing, and staleness is per worker, so a busy sibling
cannot hide a stuck one.
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
            if self._depth * 10 < self._capacity * 5:
                self._overloaded = False

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
