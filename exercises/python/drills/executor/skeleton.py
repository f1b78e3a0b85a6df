"""The request executor: a bounded pool of named workers (Python 3.8)."""

import collections
import threading
from typing import Callable, Dict, List

Task = Callable[[], None]


class Executor:
    def __init__(self, workers: int, capacity: int) -> None:
        """Start `workers` threads named worker-0.. over a queue of `capacity`."""
        raise NotImplementedError

    def try_submit(self, task: Task) -> bool:
        """Queue the task; False (the caller keeps it) if full or shut down."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop accepting, drain, wake idle workers, join them all."""
        raise NotImplementedError

    def metrics(self) -> Dict[str, int]:
        """submitted, accepted, rejected, completed, failed, queued, running:
        one consistent snapshot."""
        raise NotImplementedError
