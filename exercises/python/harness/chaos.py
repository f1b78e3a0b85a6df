"""Instrumented `threading` and `queue` modules for the solution under test.

CPython switches threads only every `sys.getswitchinterval()` seconds and
only at certain bytecodes, so most interleavings never happen in a plain
run. The solution therefore sees wrappers of `Lock`, `RLock`, `Condition`,
`Semaphore`, `BoundedSemaphore`, `Event`, `Thread` and the `queue` classes
that, at every operation, may yield the GIL (`time.sleep(0)`) or pause for
a random fraction of a millisecond, may wake a condition waiter spuriously
(as the documentation of condition variables allows), and log the
operation. An opcode tracer adds the same preemption points between the
bytecodes of the solution's own functions, which is what makes an
unlocked `counter += 1` lose updates. The random choices come from one
generator per thread, seeded from the round's seed and the thread's name.
"""

import itertools
import linecache
import queue as _queue
import random
import sys
import threading as _threading
import time
import types

import events

_real_sleep = time.sleep


class Knobs(object):
    """How hard a round shakes the schedule (chosen from the round's seed)."""

    seed = 0
    p_sync = 0.5  # chance of a preemption at a lock/condition/queue operation
    p_opcode = 0.02  # chance of a preemption between two solution bytecodes
    p_spurious = 0.05  # chance that a condition wait returns without a notify
    max_pause = 0.0005  # the longest random pause, in seconds

    @classmethod
    def choose(cls, seed):
        rng = random.Random(seed)
        cls.seed = seed
        cls.p_sync = rng.choice([0.2, 0.5, 0.8])
        cls.p_opcode = rng.choice([0.005, 0.02, 0.05])
        cls.p_spurious = rng.choice([0.0, 0.05, 0.15])
        cls.max_pause = rng.choice([0.0002, 0.0005, 0.002])


class calm(object):
    """No preemption inside: for single-threaded model walks, where there
    is no other thread to interleave and pauses only cost time."""

    def __enter__(self):
        self._saved = (Knobs.p_sync, Knobs.p_opcode, Knobs.p_spurious)
        Knobs.p_sync = Knobs.p_opcode = Knobs.p_spurious = 0.0

    def __exit__(self, *exc):
        Knobs.p_sync, Knobs.p_opcode, Knobs.p_spurious = self._saved


_local = _threading.local()


def rng():
    """This thread's generator: the same choices for the same seed and name."""
    gen = getattr(_local, "rng", None)
    if gen is None or _local.seed != Knobs.seed:
        name = _threading.current_thread().name
        gen = _local.rng = random.Random("%d:%s" % (Knobs.seed, name))
        _local.seed = Knobs.seed
    return gen


def preempt(chance):
    """With probability `chance`, give other threads a turn."""
    gen = rng()
    if gen.random() >= chance:
        return False
    if gen.random() < 0.7:
        _real_sleep(0)  # releases the GIL: another thread may run
    else:
        _real_sleep(gen.random() * Knobs.max_pause)
    return True


_ids = {}
_ids_lock = _threading.Lock()


def _label(kind):
    with _ids_lock:
        counter = _ids.setdefault(kind, itertools.count(1))
        return "%s#%d" % (kind, next(counter))


class Lock(object):
    """A `threading.Lock` that yields and logs around acquire and release."""

    _kind = "lock"

    def __init__(self):
        self._inner = self._make()
        self.label = _label(self._kind)

    def _make(self):
        return _threading.Lock()

    def acquire(self, blocking=True, timeout=-1):
        preempt(Knobs.p_sync)
        got = self._inner.acquire(blocking, timeout)
        if got:
            events.record("acquire " + self.label)
        return got

    def release(self):
        events.record("release " + self.label)
        self._inner.release()
        preempt(Knobs.p_sync)

    def locked(self):
        return self._inner.locked()

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class RLock(Lock):
    """A re-entrant lock with the same yields; a Condition can wait on it."""

    _kind = "rlock"

    def _make(self):
        return _threading.RLock()

    def locked(self):
        return self._inner._is_owned()

    def _is_owned(self):
        return self._inner._is_owned()

    def _release_save(self):
        events.record("release " + self.label + " (wait)")
        return self._inner._release_save()

    def _acquire_restore(self, state):
        self._inner._acquire_restore(state)
        events.record("acquire " + self.label + " (woken)")


class Condition(_threading.Condition):
    """A condition whose waits may return spuriously and whose notifies yield."""

    def __init__(self, lock=None):
        _threading.Condition.__init__(self, RLock() if lock is None else lock)
        self.label = _label("cond")

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        if rng().random() < Knobs.p_spurious:
            events.record("wait " + self.label + " -> spurious wake-up")
            saved = self._release_save()
            preempt(1.0)
            self._acquire_restore(saved)
            return True
        events.record("wait " + self.label)
        woken = _threading.Condition.wait(self, timeout)
        events.record("woken from " + self.label + ("" if woken else " (timeout)"))
        return woken

    def notify(self, n=1):
        events.record("notify " + self.label)
        preempt(Knobs.p_sync)
        _threading.Condition.notify(self, n)

    def notify_all(self):
        events.record("notify_all " + self.label)
        preempt(Knobs.p_sync)
        _threading.Condition.notify_all(self)

    notifyAll = notify_all


def _semaphore(base, kind):
    class Wrapped(base):
        def __init__(self, value=1):
            base.__init__(self, value)
            self.label = _label(kind)

        def acquire(self, blocking=True, timeout=None):
            preempt(Knobs.p_sync)
            got = base.acquire(self, blocking, timeout)
            events.record("acquire %s -> %s" % (self.label, got))
            return got

        def release(self, *n):
            events.record("release " + self.label)
            base.release(self, *n)
            preempt(Knobs.p_sync)

        def __enter__(self):
            return self.acquire()

        def __exit__(self, *exc):
            self.release()

    Wrapped.__name__ = base.__name__
    return Wrapped


Semaphore = _semaphore(_threading.Semaphore, "sem")
BoundedSemaphore = _semaphore(_threading.BoundedSemaphore, "sem")


class Event(_threading.Event):
    def __init__(self):
        _threading.Event.__init__(self)
        self.label = _label("event")

    def set(self):
        events.record("set " + self.label)
        preempt(Knobs.p_sync)
        _threading.Event.set(self)

    def clear(self):
        events.record("clear " + self.label)
        _threading.Event.clear(self)

    def wait(self, timeout=None):
        preempt(Knobs.p_sync)
        events.record("wait " + self.label)
        return _threading.Event.wait(self, timeout)


STARTED = []  # the solution's threads, so a round can check they were joined


class Thread(_threading.Thread):
    def start(self):
        events.record("start thread " + self.name)
        STARTED.append(self)
        _threading.Thread.start(self)
        preempt(Knobs.p_sync)

    def join(self, timeout=None):
        events.record("join " + self.name)
        _threading.Thread.join(self, timeout)


def _queue_class(base):
    class Wrapped(base):
        def __init__(self, *args, **kwargs):
            base.__init__(self, *args, **kwargs)
            self.label = _label("queue")

        def put(self, item, block=True, timeout=None):
            preempt(Knobs.p_sync)
            try:
                base.put(self, item, block, timeout)
            except _queue.Full:
                events.record("put %s -> Full" % self.label)
                raise
            events.record("put " + self.label)
            preempt(Knobs.p_sync)

        def get(self, block=True, timeout=None):
            preempt(Knobs.p_sync)
            events.record("get " + self.label)
            item = base.get(self, block, timeout)
            events.record("got from " + self.label)
            preempt(Knobs.p_sync)
            return item

        def put_nowait(self, item):
            return self.put(item, False)

        def get_nowait(self):
            return self.get(False)

        def qsize(self):
            preempt(Knobs.p_sync)
            return base.qsize(self)

    Wrapped.__name__ = base.__name__
    return Wrapped


def _module(name, real, overrides):
    mod = types.ModuleType(name)
    mod.__dict__.update(real.__dict__)
    mod.__dict__.update(overrides)
    return mod


THREADING = _module(
    "threading",
    _threading,
    dict(
        Lock=Lock,
        RLock=RLock,
        Condition=Condition,
        Semaphore=Semaphore,
        BoundedSemaphore=BoundedSemaphore,
        Event=Event,
        Thread=Thread,
    ),
)
QUEUE = _module(
    "queue",
    _queue,
    dict(
        Queue=_queue_class(_queue.Queue),
        LifoQueue=_queue_class(_queue.LifoQueue),
        PriorityQueue=_queue_class(_queue.PriorityQueue),
    ),
)


def hooked_builtins():
    """Builtins whose `__import__` hands the solution the wrapped modules."""
    import builtins

    real_import = builtins.__import__
    swapped = {"threading": THREADING, "queue": QUEUE}

    def _import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and name in swapped:
            return swapped[name]
        return real_import(name, globals, locals, fromlist, level)

    table = dict(builtins.__dict__)
    table["__import__"] = _import
    return table


def trace_opcodes_of(filename):
    """Preempts between the bytecodes of every function defined in `filename`."""

    def local(frame, event, arg):
        if event == "opcode" and preempt(Knobs.p_opcode):
            try:  # an error here would surface inside the solution's code
                number = frame.f_lineno  # None on some artificial instructions
                line = linecache.getline(filename, number).strip() if number else ""
                events.record("paused in %s(), line %s: %s" % (frame.f_code.co_name, number, line))
            except Exception:
                pass
        return local

    def global_(frame, event, arg):
        if frame.f_code.co_filename != filename:
            return None
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
        return local

    sys.settrace(global_)
    _threading.settrace(global_)
