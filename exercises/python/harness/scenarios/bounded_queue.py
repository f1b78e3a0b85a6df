"""The bounded queue under producers mixing put/try_put/put_timeout,
consumers, a length checker, and close() at three moments."""

import collections
import random
import threading
import time

import events
from kit import exactly_once, expect


def run(solution, ctx):
    rng = ctx.rng
    mode = rng.choice(["drain", "close_blocked_producers", "close_idle_consumers"])
    blocked = mode != "drain"
    capacity = rng.randint(1, 3)
    producers = rng.randint(2 if mode == "close_blocked_producers" else 1, 3)
    consumers = rng.randint(2 if mode == "close_idle_consumers" else 1, 3)
    per = 0 if mode == "close_idle_consumers" else rng.randint(3, 10)
    ctx.step("BoundedQueue(capacity=%d), %s" % (capacity, mode))
    q = solution.BoundedQueue(capacity)
    closed = threading.Event()  # set just before the harness calls close()
    stop = threading.Event()
    queued = collections.defaultdict(list)  # producer -> items it queued
    taken = collections.defaultdict(list)  # consumer -> items it took

    def producer(p):
        gen = random.Random("%s/p%d" % (ctx.rng.random(), p))
        for seq in range(per):
            item = (p, seq)
            how = "put" if blocked else gen.choice(["put", "put", "try_put", "put_timeout"])
            if not _put(q, item, how, solution.Closed, closed):
                events.record("%s%r -> refused (closed)" % (how, item))
                return
            queued[p].append(item)
            events.record("%s%r -> queued" % (how, item))

    def consumer(c):
        while True:
            item = q.take()
            if item is None:
                expect(closed.is_set(), "take() returns None only once the queue is closed")
                expect(len(q) == 0, "take() returns None only once the queue is drained", "len(q) = %d" % len(q))
                return
            events.record("take() -> %r" % (item,))
            taken[c].append(item)

    def check_length():
        while not stop.is_set():
            n = len(q)
            expect(0 <= n <= capacity, "the queue never holds more than capacity items", "len(q) = %d, capacity %d" % (n, capacity))

    events.QUIET.add("length")
    checker = ctx.spawn("length", check_length)
    eaters = [] if mode == "close_blocked_producers" else [ctx.spawn("consumer-%d" % c, consumer, c) for c in range(consumers)]
    makers = [ctx.spawn("producer-%d" % p, producer, p) for p in range(producers)]
    if mode == "drain":
        ctx.join(makers, "producers putting")
    else:
        ctx.pause(0.01)  # let producers fill the queue and block, or consumers block
    closed.set()
    ctx.step("close() (%s)" % mode)
    q.close()
    if mode == "close_blocked_producers":
        ctx.join(makers, "producers blocked on a full queue returning after close()")
        eaters = [ctx.spawn("consumer-%d" % c, consumer, c) for c in range(consumers)]
    ctx.join(makers + eaters, "consumers draining after close()")
    stop.set()
    ctx.join([checker], "length checker")

    every_put = [item for items in queued.values() for item in items]
    every_take = [item for items in taken.values() for item in items]
    exactly_once(every_take, every_put, "item", "taken")
    for c, items in taken.items():
        for p in range(producers):
            seqs = [seq for who, seq in items if who == p]
            expect(seqs == sorted(seqs), "FIFO: each consumer gets each producer's items in order",
                   "consumer-%d got producer-%d's items in the order %s" % (c, p, seqs))
    if rng.random() < 0.3:
        timeouts(solution, ctx)


def _put(q, item, how, closed_error, closed):
    """Queues `item` the way `how` says; False once the queue refuses for good."""
    while True:
        if how == "put":
            try:
                result = q.put(item)
            except closed_error:
                expect(closed.is_set(), "put() raises Closed only after close()")
                return False
            expect(result is None, "put() returns None", "got %r" % (result,))
            return True
        ok = q.try_put(item) if how == "try_put" else q.put_timeout(item, 0.002)
        expect(ok in (True, False), "%s returns True or False" % how, "got %r" % (ok,))
        if ok:
            return True
        if closed.is_set():
            return False
        time.sleep(0.0005)


def timeouts(solution, ctx):
    """A full queue fails fast; a timed put waits about its timeout; close refuses."""
    ctx.step("timeouts on a full BoundedQueue(1)")
    q = solution.BoundedQueue(1)
    expect(q.try_put("a") is True, "try_put on an empty queue succeeds")
    for how, call, most in (
        ("try_put", lambda: q.try_put("b"), 0.5),
        ("put_timeout(item, 0)", lambda: q.put_timeout("b", 0.0), 0.5),
        ("put_timeout(item, 0.02)", lambda: q.put_timeout("b", 0.02), 1.0),
    ):
        began = time.monotonic()
        ok = call()
        took = time.monotonic() - began
        expect(ok is False, "%s on a full queue returns False" % how, "got %r" % (ok,))
        expect(took < most, "%s on a full queue gives up in time" % how, "took %.3fs" % took)
    began = time.monotonic()
    q.put_timeout("b", 0.02)
    expect(time.monotonic() - began >= 0.015, "put_timeout waits for room until its timeout",
           "gave up after %.3fs" % (time.monotonic() - began))
    expect(q.take() == "a", "take() returns the oldest item")
    q.close()
    try:
        q.put("c")
        raise events.Failure("put() raises Closed after close()")
    except solution.Closed:
        pass
    expect(q.try_put("c") is False, "try_put returns False after close()")
    expect(q.take() is None, "take() returns None on a closed, empty queue")
