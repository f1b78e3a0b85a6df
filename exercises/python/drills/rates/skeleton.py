"""Backpressure past depth: windowed rates, p99 queue wait and a retry hint (Python 3.8)."""

import math
import threading
from typing import List, NamedTuple


class WindowStats(NamedTuple):
    arrivals: int
    completions: int
    p99_wait: int


class RateMonitor:
    def __init__(self, window: int, target_p99: int) -> None:
        """One lock over: the index of the window being counted, its counts,
        the last complete window's counts (arrivals, completions, waits) and
        the backlog. Every method rolls the windows to `now` first."""
        raise NotImplementedError

    def arrived(self, now: int) -> None:
        raise NotImplementedError

    def completed(self, now: int, waited: int) -> None:
        raise NotImplementedError

    def last_window(self, now: int) -> WindowStats:
        raise NotImplementedError

    def overloaded(self, now: int) -> bool:
        raise NotImplementedError

    def retry_after(self, now: int) -> int:
        raise NotImplementedError
