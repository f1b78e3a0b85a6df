"""The rate monitor: a single-threaded walk against a model, then threads
reporting through window boundaries at once, some late."""

import collections
import math
import random

import chaos
import events
from kit import expect


def p99(waits):
    waits = sorted(waits)
    return waits[int(math.ceil(len(waits) * 0.99)) - 1] if waits else 0


def run(solution, ctx):
    with chaos.calm():
        walk(solution, ctx)
    boundaries(solution, ctx)
    backlog(solution, ctx)


def backlog(solution, ctx):
    """Arrivals reported at once: the backlog counts every one."""
    window, threads, per = ctx.rng.randint(2, 9), ctx.rng.randint(3, 4), ctx.rng.randint(5, 15)
    ctx.step("%d threads report %d arrivals each" % (threads, per))
    m = solution.RateMonitor(window, 1000)
    m.completed(0, 1)  # one completion in window 0: the hint is then backlog x window

    def arrive():
        for _ in range(per):
            m.arrived(1)

    ctx.join([ctx.spawn("submit-%d" % t, arrive) for t in range(threads)], "arrivals")
    want = threads * per * window
    got = m.retry_after(window)
    expect(got == want, "the backlog counts every arrival, however many report at once",
           "%d arrivals after 1 completion, window %d: retry_after should be %d, got %r"
           % (threads * per, window, want, got))


def walk(solution, ctx):
    """Reports with non-decreasing times, some windows empty, some slow."""
    rng = ctx.rng
    window, target = rng.randint(4, 12), rng.randint(3, 30)
    ctx.step("RateMonitor(window=%d, target_p99=%d): a walk" % (window, target))
    m = solution.RateMonitor(window, target)
    arrivals, waits = collections.Counter(), collections.defaultdict(list)
    backlog, now = 0, 0
    for _ in range(30):
        now += rng.choice([0, 1, 1, 2, window, 2 * window + 1])
        index = now // window
        slow = index % 3 == 1
        if rng.random() < 0.55:
            m.arrived(now)
            arrivals[index] += 1
            backlog += 1
            what = "arrived(%d)" % now
        else:
            waited = rng.randint(20, 60) if slow else rng.randint(0, 5)
            m.completed(now, waited)
            waits[index].append(waited)
            backlog = max(0, backlog - 1)
            what = "completed(%d, %d)" % (now, waited)
        events.record(what)
        last = index - 1
        want = (arrivals[last], len(waits[last]), p99(waits[last])) if last >= 0 else (0, 0, 0)
        got = m.last_window(now)
        expect(tuple(got) == want, "last_window: the last complete window's arrivals, completions and p99",
               "window %d ticks, at %d (window %d): expected %r, got %r" % (window, now, index, want, tuple(got)))
        hot = want[0] > want[1] or want[2] > target
        expect(m.overloaded(now) == hot, "overloaded: arrivals > completions or p99 > target, in the last complete window",
               "at %d: expected %s with %r" % (now, hot, want))
        done = want[1]
        hint = 0 if backlog == 0 else window if done == 0 else -(-backlog * window // done)
        got_hint = m.retry_after(now)
        expect(got_hint == hint, "retry_after: the backlog drained at the last window's rate, rounded up",
               "at %d, backlog %d, %d completions: expected %d, got %r" % (now, backlog, done, hint, got_hint))


def boundaries(solution, ctx):
    """Threads cross each boundary together; late reports still count."""
    rng = ctx.rng
    window = rng.randint(5, 20)
    threads = rng.randint(3, 4)
    ctx.step("RateMonitor(window=%d): %d threads across boundaries" % (window, threads))
    m = solution.RateMonitor(window, 1000)
    arrivals, waits = collections.Counter(), collections.defaultdict(list)

    def reporter(name, reports):
        for now, waited in reports:
            if waited is None:
                m.arrived(now)
            else:
                m.completed(now, waited)
            events.record("%s(%d)" % ("arrived" if waited is None else "completed", now))

    for phase in range(4):
        plans = []
        for t in range(threads):
            gen = random.Random("%s/%d/%d" % (rng.random(), phase, t))
            late = []
            if phase and gen.random() < 0.5:  # read the clock just before the boundary
                late.append((phase * window - 1, None if gen.random() < 0.5 else gen.randint(0, 9)))
            on_time = [(phase * window + gen.randrange(window), None if gen.random() < 0.5 else gen.randint(0, 9))
                       for _ in range(gen.randint(2, 6))]
            reports = late + sorted(on_time, key=lambda r: r[0])
            for now, waited in reports:
                if waited is None:
                    arrivals[now // window] += 1
                else:
                    waits[now // window].append(waited)
            plans.append(reports)
        ctx.join([ctx.spawn("reporter-%d" % t, reporter, t, plans[t]) for t in range(threads)],
                 "reporters in window %d" % phase)
        if phase:
            last = phase - 1
            want = (arrivals[last], len(waits[last]), p99(waits[last]))
            got = m.last_window(phase * window)
            expect(tuple(got) == want, "every report counts once, in its window, even across a boundary crossed by several threads",
                   "window %d: expected %r (arrivals, completions, p99), got %r" % (last, want, tuple(got)))
