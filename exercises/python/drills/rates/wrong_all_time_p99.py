"""WRONG: p99 is computed over every wait ever recorded.

The rates are per window, but one slow window keeps the p99 high long
after the queue recovered: the delay signal no longer describes now.
"""

import math
import threading
from typing import List, NamedTuple


class WindowStats(NamedTuple):
    arrivals: int
    completions: int
    p99_wait: int


class Counts:
    def __init__(self) -> None:
        self.arrivals = 0
        self.completions = 0
        self.waits = []  # type: List[int]

    def stats(self) -> WindowStats:
        waits = sorted(self.waits)
        p99 = waits[math.ceil(len(waits) * 0.99) - 1] if waits else 0
        return WindowStats(self.arrivals, self.completions, p99)


class RateMonitor:
    def __init__(self, window: int, target_p99: int) -> None:
        self._lock = threading.Lock()
        self._window, self._target = window, target_p99
        self._index = 0  # the window being counted
        self._current, self._last = Counts(), Counts()
        self._backlog = 0
        self._all_waits = []  # type: List[int]

    def _roll_to(self, now: int) -> None:  # with the lock held
        index = now // self._window
        if index > self._index:
            self._last = self._current if index == self._index + 1 else Counts()
            self._current, self._index = Counts(), index

    def _counts_at(self, now: int) -> Counts:  # with the lock held
        self._roll_to(now)
        return self._current if now // self._window == self._index else self._last

    def arrived(self, now: int) -> None:
        with self._lock:
            self._backlog += 1
            self._counts_at(now).arrivals += 1

    def completed(self, now: int, waited: int) -> None:
        with self._lock:
            self._backlog = max(0, self._backlog - 1)
            counts = self._counts_at(now)
            counts.completions += 1
            counts.waits.append(waited)
            self._all_waits.append(waited)

    def last_window(self, now: int) -> WindowStats:
        with self._lock:
            self._roll_to(now)
            last = self._last.stats()
            waits = sorted(self._all_waits)
            p99 = waits[math.ceil(len(waits) * 0.99) - 1] if waits else 0
            return WindowStats(last.arrivals, last.completions, p99)

    def overloaded(self, now: int) -> bool:
        w = self.last_window(now)
        return w.arrivals > w.completions or w.p99_wait > self._target

    def retry_after(self, now: int) -> int:
        with self._lock:
            self._roll_to(now)
            done = self._last.completions
            if self._backlog == 0:
                return 0
            if done == 0:
                return self._window
            return -(-self._backlog * self._window // done)  # rounded up
