"""The request executor under many submitters, failing tasks, a metrics
poller and three ways to shut down."""

import re
import threading

import chaos
import events
from kit import Tally, exactly_once, expect

KEYS = ("submitted", "accepted", "rejected", "completed", "failed", "queued", "running")


def balanced(m, capacity):
    """Raises unless snapshot `m` has every key and balances."""
    expect(
        isinstance(m, dict) and all(k in m for k in KEYS),
        "metrics() returns a dict with the keys " + ", ".join(KEYS),
        "got %r" % (m,),
    )
    expect(all(m[k] >= 0 for k in KEYS), "counters never go negative", "snapshot %r" % (m,))
    expect(
        m["submitted"] == m["accepted"] + m["rejected"],
        "every snapshot balances: submitted = accepted + rejected",
        "snapshot %r" % (m,),
    )
    expect(
        m["accepted"] == m["completed"] + m["failed"] + m["queued"] + m["running"],
        "every snapshot balances: accepted = completed + failed + queued + running",
        "snapshot %r" % (m,),
    )
    expect(m["queued"] <= capacity, "the queue holds at most capacity", "snapshot %r" % (m,))


def run(solution, ctx):
    rng = ctx.rng
    workers, capacity = rng.randint(1, 4), rng.randint(1, 6)
    submitters, per = rng.randint(1, 3), rng.randint(4, 12)
    mode = rng.choice(["idle", "backlog", "concurrent"])
    ctx.step("Executor(workers=%d, capacity=%d)" % (workers, capacity))
    ex = solution.Executor(workers, capacity)
    tally = Tally()
    failing = set()
    outcomes = {}  # task id -> accepted?
    stop = threading.Event()

    def task(ident, raises, pause):
        def body():
            tally.add(ident)
            if pause:
                ctx.pause(0.001)
            if raises:
                raise ValueError("task %d fails on purpose" % ident)

        return body

    def submitter(index):
        for n in range(per):
            ident = index * 1000 + n
            raises = rng_for(index).random() < 0.2
            if raises:
                failing.add(ident)
            ok = ex.try_submit(task(ident, raises, rng_for(index).random() < 0.3))
            expect(ok in (True, False), "try_submit returns True or False", "got %r" % (ok,))
            outcomes[ident] = ok
            events.record("try_submit(task %d) -> %s" % (ident, "accepted" if ok else "refused"))

    gens = {}

    def rng_for(index):  # each submitter its own generator: same seed, same choices
        return gens.setdefault(index, __import__("random").Random("%d/%d" % (ctx.rng.random(), index)))

    for i in range(submitters):
        rng_for(i)

    def poll():
        while not stop.is_set():
            balanced(ex.metrics(), capacity)

    events.QUIET.add("metrics")
    poller = ctx.spawn("metrics", poll)
    threads = [ctx.spawn("submit-%d" % i, submitter, i) for i in range(submitters)]
    if mode != "concurrent":
        ctx.join(threads, "submitters calling try_submit")
    if mode == "idle":
        ctx.step("waiting for the workers to go idle")
        ctx.settle(lambda: _idle(ex), "the workers finish every accepted task")
        ctx.pause(0.003)
    if mode != "concurrent":
        alive = [t.name for t in chaos.STARTED if not t.is_alive()]
        expect(not alive, "workers stay alive until shutdown()", "%s ended early" % ", ".join(alive))
    ctx.step("shutdown() (%s)" % mode)
    ex.shutdown()
    ctx.join(threads, "submitters calling try_submit")
    stop.set()
    ctx.join([poller], "metrics poller")
    events.record("shutdown() returned")

    alive = [t.name for t in chaos.STARTED if t.is_alive()]
    expect(not alive, "shutdown() joins every worker", "still running after shutdown(): " + ", ".join(alive))
    accepted = [i for i, ok in outcomes.items() if ok]
    exactly_once(tally.ran, accepted)
    strangers = sorted(set(n for n in tally.where if not _worker_name(n, workers)))
    expect(not strangers, "tasks run on threads named worker-0..worker-%d" % (workers - 1), "ran on %s" % strangers)
    m = ex.metrics()
    balanced(m, capacity)
    expect(m["queued"] == 0 and m["running"] == 0, "shutdown drains: nothing queued or running after it", "%r" % m)
    expect(m["submitted"] == len(outcomes), "submitted counts every try_submit", "%d calls, %r" % (len(outcomes), m))
    expect(m["accepted"] == len(accepted), "accepted counts every accepted task", "%d accepted, %r" % (len(accepted), m))
    bad = len([i for i in accepted if i in failing])
    expect(m["failed"] == bad, "failed counts every raising task", "%d raised, %r" % (bad, m))
    ctx.step("try_submit after shutdown")
    expect(ex.try_submit(lambda: None) is False, "try_submit refuses after shutdown()")
    ctx.step("a second shutdown()")
    ex.shutdown()


def _idle(ex):
    m = ex.metrics()
    return m["queued"] == 0 and m["running"] == 0


def _worker_name(name, workers):
    found = re.match(r"worker-(\d+)$", name)
    return bool(found) and int(found.group(1)) < workers
