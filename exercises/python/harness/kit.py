"""What a scenario uses: threads that report instead of dying, a step
description for the watchdog, and the checks every drill shares."""

import collections
import os
import threading
import time
import traceback

import events


class Context(object):
    """One round: its generator, its watchdog, the threads it started."""

    def __init__(self, rng, watchdog, solution_file):
        self.rng = rng
        self._watchdog = watchdog
        self._file = solution_file
        self.threads = []

    def step(self, what):
        """Names what the round is doing, for a hang report."""
        events.record("-- " + what)
        self._watchdog.describe(what)

    def spawn(self, name, target, *args):
        """Starts a harness thread; an exception in it fails the round."""

        def run():
            try:
                target(*args)
            except events.Failure as e:
                events.fail(e.invariant, e.detail, e)
            except BaseException as e:  # reported, never lost
                events.fail(*explain(e, self._file))

        thread = threading.Thread(target=run, name=name, daemon=True)
        self.threads.append(thread)
        thread.start()
        return thread

    def join(self, threads, what):
        self.step(what)
        for thread in threads:
            thread.join()
        check_failure()

    def pause(self, most=0.002):
        time.sleep(self.rng.random() * most)

    def settle(self, predicate, what, timeout=3.0):
        """Waits (really, with sleeps: this is the harness) until `predicate()`."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise events.Failure(what, "still false after %.1fs" % timeout)
            time.sleep(0.001)


def explain(error, solution_file):
    """An exception from the solution as (invariant, detail)."""
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if f.filename == solution_file] or frames
    where = ""
    if mine:
        last = mine[-1]
        where = " (%s:%s in %s)" % (os.path.basename(last.filename), last.lineno, last.name)
    if isinstance(error, events.Failure):
        return error.invariant, error.detail
    if isinstance(error, NotImplementedError):
        return "implemented: the skeleton still raises NotImplementedError" + where, ""
    detail = "".join(traceback.format_exception_only(type(error), error)).strip()
    return "no exception escapes the solution's API" + where, detail


def check_failure():
    """Raises the first failure any thread reported."""
    failure = events.first_failure()
    if failure is not None:
        raise failure


def expect(condition, invariant, detail=""):
    if not condition:
        raise events.Failure(invariant, detail)


def exactly_once(ran, accepted, what="task", verb="ran"):
    """Every accepted id ran once; nothing else ran."""
    counts = collections.Counter(ran)
    twice = sorted(i for i, n in counts.items() if n > 1)
    expect(not twice, "nothing runs twice", "%s(s) %s %s more than once" % (what, _few(twice), verb))
    lost = sorted(set(accepted) - set(counts))
    expect(not lost, "nothing lost", "accepted %s(s) %s: never %s" % (what, _few(lost), verb))
    extra = sorted(set(counts) - set(accepted))
    expect(not extra, "only accepted work runs", "%s(s) %s %s but were never accepted" % (what, _few(extra), verb))


def _few(items, most=8):
    shown = ", ".join(str(i) for i in items[:most])
    return "[" + shown + (", ..." if len(items) > most else "") + "]"


class Tally(object):
    """The harness's own record of what ran, behind a real (uninstrumented) lock."""

    def __init__(self):
        self._lock = threading.Lock()
        self.ran = []
        self.where = []

    def add(self, item):
        with self._lock:
            self.ran.append(item)
            self.where.append(threading.current_thread().name)
