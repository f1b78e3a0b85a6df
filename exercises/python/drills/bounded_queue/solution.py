"""A bounded blocking queue, reference solution.

One lock guards the items and the closed flag; two conditions on that lock
separate the two kinds of waiter, so a notify after an append can only
wake a consumer and one after a take only a producer. Every wait sits in a
loop that re-checks its condition (spurious and stolen wake-ups), and
close() uses notify_all on both, because every waiter must now return. The
timed put keeps a deadline and waits only for what is left of it, so a
zero timeout never waits.
"""

import collections
import threading
import time
from typing import Generic, Optional, TypeVar

T = TypeVar("T")


class Closed(Exception):
    """put() on a closed queue."""


class BoundedQueue(Generic[T]):
    def __init__(self, capacity: int) -> None:
        self._items = collections.deque()  # type: collections.deque
        self._capacity = capacity
        self._closed = False
        self._lock = threading.Lock()
        self._not_empty = threading.Condition(self._lock)
        self._not_full = threading.Condition(self._lock)

    def put(self, item: T) -> None:
        with self._lock:
            while len(self._items) >= self._capacity and not self._closed:
                self._not_full.wait()
            if self._closed:
                raise Closed()
            self._items.append(item)
            self._not_empty.notify()

    def try_put(self, item: T) -> bool:
        return self.put_timeout(item, 0.0)

    def put_timeout(self, item: T, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._items) >= self._capacity and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._not_full.wait(left)
            if self._closed:
                return False
            self._items.append(item)
            self._not_empty.notify()
            return True

    def take(self) -> Optional[T]:
        with self._lock:
            while not self._items and not self._closed:
                self._not_empty.wait()
            if not self._items:
                return None  # closed and drained
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._not_empty.notify_all()
            self._not_full.notify_all()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
