"""The load monitor: hysteresis against a model, racers for the last
slots, failures reported at once, and a stuck worker among busy ones."""

import random
import threading

import chaos
import events
from kit import expect


def run(solution, ctx):
    with chaos.calm():
        hysteresis(solution, ctx)
    admission(solution, ctx)
    health(solution, ctx)


def hysteresis(solution, ctx):
    """A random walk of enqueues and dequeues, checked step by step."""
    capacity = ctx.rng.randint(2, 12)
    ctx.step("hysteresis walk, capacity %d" % capacity)
    m = solution.LoadMonitor(capacity, 1, 10, 0)
    depth, on = 0, False
    trail = []
    for _ in range(4 * capacity):
        if depth == 0 or (depth < capacity + 1 and ctx.rng.random() < 0.55):
            ok = m.try_enqueue()
            trail.append("try_enqueue() -> %s" % ok)
            expect(ok == (depth < capacity), "try_enqueue admits exactly while depth < capacity",
                   "depth %d, capacity %d, got %r" % (depth, capacity, ok))
            if ok:
                depth += 1
                on = on or depth * 10 > capacity * 8
        else:
            m.dequeued()
            trail.append("dequeued()")
            depth -= 1
            on = on and not depth * 10 < capacity * 5
        got = m.overloaded()
        expect(got == on, "overloaded(): on above 80%, off below 50%, unchanged in between",
               "capacity %d, depth %d: expected %s, got %r after %s" % (capacity, depth, on, got, "; ".join(trail[-6:])))


def admission(solution, ctx):
    """Racers for a small capacity: never more admitted than capacity."""
    capacity = ctx.rng.randint(1, 3)
    racers = ctx.rng.randint(3, 5)
    ctx.step("%d racers for capacity %d" % (racers, capacity))
    m = solution.LoadMonitor(capacity, 1, 10, 0)
    lock = threading.Lock()
    held = [0]

    def racer(index):
        gen = random.Random("%s/r%d" % (ctx.rng.random(), index))
        for _ in range(15):
            if not m.try_enqueue():
                continue
            with lock:  # counted after the monitor admits, released before it hears
                held[0] += 1
                now = held[0]
            events.record("admitted (%d held)" % now)
            expect(now <= capacity, "two racers never both take the last slot",
                   "%d requests admitted at once, capacity %d" % (now, capacity))
            if gen.random() < 0.5:
                ctx.pause(0.0005)
            with lock:
                held[0] -= 1
            m.dequeued()

    ctx.join([ctx.spawn("racer-%d" % i, racer, i) for i in range(racers)], "racers")
    admitted = sum(1 for _ in range(capacity + 1) if m.try_enqueue())
    expect(admitted == capacity, "the depth returns to 0 when every request is dequeued",
           "an idle monitor then admits %d of capacity %d" % (admitted, capacity))


def health(solution, ctx):
    """Workers report at once; one is stuck; late reports carry old times."""
    workers = ctx.rng.randint(3, 5)
    stale_after = 5
    ctx.step("%d workers reporting, worker %d stuck" % (workers, workers - 1))
    m = solution.LoadMonitor(4, workers, stale_after, 0)
    failed = [0] * workers
    last = [0] * workers

    def worker(w):
        gen = random.Random("%s/w%d" % (ctx.rng.random(), w))
        for now in range(1, 40):
            if gen.random() < 0.5:
                m.heartbeat(w, now)
                events.record("heartbeat(%d, %d)" % (w, now))
            else:
                ok = gen.random() < 0.5
                failed[w] += 0 if ok else 1
                m.finished(w, now, ok)
                events.record("finished(%d, %d, ok=%s)" % (w, now, ok))
            last[w] = now

    busy = [ctx.spawn("worker-%d" % w, worker, w) for w in range(workers - 1)]
    ctx.join(busy, "workers reporting")
    expect(m.failures() == sum(failed), "failures() counts every failed task, however many report at once",
           "%d failures reported, failures() = %d" % (sum(failed), m.failures()))
    stuck = workers - 1
    now = last[0] + 2
    got = list(m.stale_workers(now))
    expect(got == [stuck], "stale_workers lists exactly the workers silent for more than stale_after",
           "at %d (stale_after %d, worker %d silent since 0): got %r" % (now, stale_after, stuck, got))
    m.heartbeat(0, 1)  # a late report with an old time
    got = list(m.stale_workers(now))
    expect(got == [stuck], "a late report with an older time does not make a worker look older", "got %r" % got)
    got = list(m.stale_workers(now + 10))
    expect(got == list(range(workers)), "every worker goes stale in index order", "got %r" % got)
