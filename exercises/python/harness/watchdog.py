"""A hang detector: if a round overruns its deadline, print every thread's
stack and the event log, then end the process (the solution's threads may
never return, so a normal exit could wait forever)."""

import os
import sys
import threading
import time
import traceback

import events


class Watchdog(object):
    def __init__(self, report):
        # `report(invariant, detail)` prints the failure report.
        self._report = report
        self._lock = threading.Lock()
        self._deadline = None
        self._what = ""
        thread = threading.Thread(target=self._watch, name="watchdog", daemon=True)
        thread.start()

    def arm(self, seconds, what):
        """Starts the clock for a step described by `what`."""
        with self._lock:
            self._deadline = time.monotonic() + seconds
            self._what = what

    def describe(self, what):
        """Keeps the deadline, changes what a hang report says was running."""
        with self._lock:
            self._what = what

    def disarm(self):
        with self._lock:
            self._deadline = None

    def _watch(self):
        while True:
            time.sleep(0.05)
            with self._lock:
                late = self._deadline is not None and time.monotonic() > self._deadline
                what = self._what
            if late:
                self._report("no hang: %s" % what, "every thread's stack, innermost call last:\n" + stacks())
                sys.stdout.flush()
                os._exit(1)


# Frames that only show how the harness got there.
PLUMBING = ("threading.py", "chaos.py", "kit.py", "grade.py")


def stacks(depth=6):
    """Every live thread's innermost frames, harness threads last."""
    names = dict((t.ident, t.name) for t in threading.enumerate())
    lines = []
    frames = sorted(
        sys._current_frames().items(),
        key=lambda item: names.get(item[0], "?").startswith(("main", "Main", "watchdog")),
    )
    for ident, frame in frames:
        name = names.get(ident, "thread %d" % ident)
        if name == "watchdog":
            continue
        lines.append("thread %s:" % name)
        entries = [e for e in traceback.extract_stack(frame) if os.path.basename(e.filename) not in PLUMBING]
        for entry in entries[-depth:]:
            where = "%s:%d in %s" % (os.path.basename(entry.filename), entry.lineno, entry.name)
            lines.append("    %-40s %s" % (where, (entry.line or "").strip()))
    return "\n".join(lines)
