"""The partitioned executor: per-key order on the key's own worker, a hot
key that fills only its lane, shutdown with a backlog, and a partition
function that survives a restart."""

import json
import os
import random
import subprocess
import sys
import threading

import events
from kit import Tally, exactly_once, expect


def once(solution, path):
    """partition_of must agree across processes with different hash seeds."""
    keys = ["user-%d" % i for i in range(40)]
    here = _partitions(solution, keys)
    for hash_seed in ("1", "2"):
        there = _in_child(path, keys, hash_seed)
        expect(
            there == here,
            "partition_of is stable across processes (not the salted hash())",
            "with PYTHONHASHSEED=%s a fresh process maps %d of 40 keys elsewhere"
            % (hash_seed, sum(a != b for a, b in zip(here, there))),
        )


def _partitions(solution, keys):
    ex = solution.PartitionedExecutor(4, 1)
    try:
        return [ex.partition_of(k) for k in keys]
    finally:
        ex.shutdown()


CHILD = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("solution", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
ex = mod.PartitionedExecutor(4, 1)
print(json.dumps([ex.partition_of(k) for k in json.loads(sys.argv[2])]))
ex.shutdown()
"""


def _in_child(path, keys, hash_seed):
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, path, json.dumps(keys)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=20,
    )
    expect(out.returncode == 0, "the solution runs in a fresh process", out.stdout.decode(errors="replace")[-500:])
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def run(solution, ctx):
    rng = ctx.rng
    workers, capacity = rng.randint(1, 4), rng.randint(1, 4)
    keys = ["user-%d" % rng.randrange(1000) for _ in range(rng.randint(2, 5))]
    keys = sorted(set(keys))
    per = rng.randint(3, 10)
    ctx.step("PartitionedExecutor(workers=%d, capacity=%d)" % (workers, capacity))
    ex = solution.PartitionedExecutor(workers, capacity)
    home = {}
    for key in keys:
        home[key] = ex.partition_of(key)
        expect(isinstance(home[key], int) and 0 <= home[key] < workers,
               "partition_of returns a worker index", "partition_of(%r) = %r" % (key, home[key]))
        expect(ex.partition_of(key) == home[key], "partition_of is the same for the same key")
    tally = Tally()
    accepted = []
    lock = threading.Lock()

    def task(key, seq, raises):
        def body():
            tally.add((key, seq))
            if raises:
                raise RuntimeError("task %s/%d fails on purpose" % (key, seq))

        return body

    def submitter(key):
        gen = random.Random("%s/%s" % (ctx.rng.random(), key))
        for seq in range(per):
            ok = ex.submit(key, task(key, seq, gen.random() < 0.2))
            expect(ok in (True, False), "submit returns True or False", "got %r" % (ok,))
            events.record("submit(%r, task %d) -> %s" % (key, seq, ok))
            if ok:
                with lock:
                    accepted.append((key, seq))
            if gen.random() < 0.3:
                ctx.pause(0.001)

    threads = [ctx.spawn("submit-" + key, submitter, key) for key in keys]
    ctx.join(threads, "submitters calling submit")
    if workers >= 2 and rng.random() < 0.5:
        hot_key(ex, ctx, workers, capacity, tally, accepted)
    ctx.step("shutdown() with a backlog")
    ex.shutdown()
    events.record("shutdown() returned")
    exactly_once(tally.ran, accepted)
    for key in keys:
        seqs = [seq for (k, seq) in tally.ran if k == key]
        expect(seqs == sorted(seqs), "each key's tasks run in submission order", "%s ran in the order %s" % (key, seqs))
    wrong = sorted(set((k, name) for (k, _), name in zip(tally.ran, tally.where)
                       if k in home and name != "worker-%d" % home[k]))
    expect(not wrong, "a key's tasks run on worker partition_of(key)",
           ", ".join("%s (partition %d) ran on %s" % (k, home[k], n) for k, n in wrong[:4]))
    expect(ex.submit(keys[0], lambda: None) is False, "submit refuses after shutdown()")
    expect(list(ex.depths()) == [0] * workers, "shutdown drains every queue", "depths() = %r" % (ex.depths(),))


def hot_key(ex, ctx, workers, capacity, tally, accepted):
    """Holds one worker busy, fills its lane, and checks refusal and depths."""
    ctx.step("waiting for the queues to drain before the hot key")
    ctx.settle(lambda: sum(ex.depths()) == 0, "the workers drain their queues")
    ctx.step("a hot key fills its own queue")
    hot = "hot-0"
    cold = next("cold-%d" % i for i in range(1000) if ex.partition_of("cold-%d" % i) != ex.partition_of(hot))
    started, gate = threading.Event(), threading.Event()

    def hold():
        tally.add((hot, -1))
        started.set()
        gate.wait()

    expect(ex.submit(hot, hold) is True, "submit accepts while the key's queue has room")
    accepted.append((hot, -1))
    ctx.settle(started.is_set, "the hot key's worker starts its task")
    for seq in range(capacity):
        ok = ex.submit(hot, lambda seq=seq: tally.add((hot, seq)))
        expect(ok is True, "submit accepts until the key's queue holds capacity tasks", "task %d of %d refused" % (seq + 1, capacity))
        accepted.append((hot, seq))
    expect(ex.submit(hot, lambda: tally.add((hot, 99))) is False, "submit refuses when the key's queue is full")
    depths = list(ex.depths())
    lane = ex.partition_of(hot)
    expect(depths[lane] == capacity, "depths() shows the hot queue", "depths() = %r, partition %d" % (depths, lane))
    expect(ex.submit(cold, lambda: tally.add((cold, 0))) is True, "another key's queue still accepts")
    accepted.append((cold, 0))
    gate.set()
