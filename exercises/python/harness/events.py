"""The event log and the failure a scenario raises.

Every instrumented primitive and every scenario step appends one line
(thread name, operation) to a bounded log, so a failure report can show
what the threads were doing just before an invariant broke.
"""

import collections
import threading
import time

_LOG = collections.deque(maxlen=2000)  # deque.append is atomic in CPython
_START = [time.monotonic()]


class Failure(Exception):
    """An invariant the solution broke: `invariant` names it, `detail` says how."""

    def __init__(self, invariant, detail=""):
        Exception.__init__(self, invariant)
        self.invariant = invariant
        self.detail = detail
        # What the threads did up to the moment the failure was found.
        self.events = tail(25) + ["%8s  %-14s FAIL: %s" % ("", threading.current_thread().name, invariant)]


def reset():
    _LOG.clear()
    _START[0] = time.monotonic()


# Threads whose every operation would flood the log (a poller).
QUIET = set()


def record(text):
    """Appends `text` under the current thread's name."""
    name = threading.current_thread().name
    if name in QUIET:
        return
    _LOG.append((time.monotonic() - _START[0], name, text))


def tail(count):
    """The last `count` events, oldest first, as printable lines."""
    events = list(_LOG)[-count:]
    return ["%8.4fs  %-14s %s" % (t, name, text) for t, name, text in events]


# The first failure found in a round, from whichever thread found it: the
# scenario's own threads report here instead of raising in a thread no one
# joins.
_FIRST = []
_FIRST_LOCK = threading.Lock()


def fail(invariant, detail="", failure=None):
    """Records a failure from any thread (the first one wins)."""
    with _FIRST_LOCK:
        if not _FIRST:
            if failure is not None:
                _FIRST.append(failure)
                return
            _FIRST.append(Failure(invariant, detail))


def first_failure():
    with _FIRST_LOCK:
        return _FIRST[0] if _FIRST else None


def clear_failure():
    with _FIRST_LOCK:
        del _FIRST[:]
