"""A bounded blocking queue with close (Python 3.8)."""

import collections
import threading
import time
from typing import Generic, Optional, TypeVar

T = TypeVar("T")


class Closed(Exception):
    """put() on a closed queue."""


class BoundedQueue(Generic[T]):
    def __init__(self, capacity: int) -> None:
        """A deque, a Lock, and two Conditions on that lock: not_empty, not_full."""
        raise NotImplementedError

    def put(self, item: T) -> None:
        """Blocks while full; raises Closed once closed."""
        raise NotImplementedError

    def try_put(self, item: T) -> bool:
        """Never blocks: False if full or closed."""
        raise NotImplementedError

    def put_timeout(self, item: T, timeout: float) -> bool:
        """Waits at most `timeout` seconds (a time.monotonic() deadline)."""
        raise NotImplementedError

    def take(self) -> Optional[T]:
        """Blocks while empty; None once closed and drained."""
        raise NotImplementedError

    def close(self) -> None:
        """Refuse new items; wake every waiting producer and consumer."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
