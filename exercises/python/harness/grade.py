"""Grades a Python 3.8 answer to an interview drill.

    python3 grade.py DRILL FILE [--seed N] [--rounds R] [--timeout S]

Each round picks a workload and how hard to shake the schedule from its
seed (round i of a run uses seed N + i), runs the drill's scenario against
the solution's own API, and checks the drill's invariants. The first
failure prints a report (drill, seed, invariant, recent events, replay
command) and exits 1; a clean run exits 0. Exit 2: the harness could not
run (bad arguments, unreadable file).
"""

import sys

sys.dont_write_bytecode = True  # no __pycache__ folders in the workspace

if sys.version_info < (3, 8):
    print("the Python drills need Python 3.8 or newer; this is %s" % sys.version.split()[0])
    sys.exit(2)

import argparse  # noqa: E402
import importlib
import os
import random
import threading
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import chaos  # noqa: E402
import events  # noqa: E402
import kit  # noqa: E402
import syntax  # noqa: E402
import watchdog  # noqa: E402

DRILLS = ("executor", "bounded_queue", "partitioned", "backpressure", "rates")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("drill", choices=DRILLS)
    parser.add_argument("file")
    parser.add_argument("--seed", type=int, help="the first round's seed (default: random)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds a round may take")
    parser.add_argument("--replay", help="the command that re-runs this grading, for the report")
    parser.add_argument(
        "--no-opcode-yields",
        action="store_true",
        help="preempt only at synchronisation operations, not between bytecodes (to see what the tracer adds)",
    )
    args = parser.parse_args(argv)
    path = os.path.abspath(args.file)
    try:
        with open(path) as f:
            source = f.read()
    except OSError as e:
        print("cannot read %s: %s" % (args.file, e))
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10 ** 6)
    replay = args.replay or "python3 %s %s %s" % (
        os.path.relpath(__file__),
        args.drill,
        args.file,
    )
    print("Grading %s (Python 3.8 drill %s): %d rounds from seed %d" % (args.file, args.drill, args.rounds, seed))

    problems = syntax.check(source, args.file)
    if problems:
        print("\n✗ not Python 3.8:")
        for p in problems:
            print("  " + p)
        print("\nThe interview runs Python 3.8: rewrite these lines without 3.9+ syntax or APIs.")
        return 1

    state = {"seed": seed, "round": 0}

    def report(invariant, detail, log=None):
        print_report(args.drill, args.file, state, args.rounds, invariant, detail, replay, log)

    dog = watchdog.Watchdog(report)
    threading.excepthook = _thread_died(path)
    sys.setswitchinterval(1e-6)
    if not args.no_opcode_yields:
        chaos.trace_opcodes_of(path)
    scenario = importlib.import_module("scenarios." + args.drill)
    try:
        dog.arm(args.timeout, "importing the module did not finish within %.1fs" % args.timeout)
        solution = load(path, source)
        dog.disarm()
    except BaseException as e:  # the module itself failed
        invariant, detail = kit.explain(e, path)
        report("the module loads: " + invariant, detail)
        return 1
    started = time.monotonic()
    once = getattr(scenario, "once", None)
    if once is not None:
        try:
            dog.arm(args.timeout * 4, "the checks before the rounds")
            once(solution, path)
            dog.disarm()
        except BaseException as e:
            invariant, detail = kit.explain(e, path)
            report(invariant, detail)
            return 1
    for i in range(args.rounds):
        state["round"] = i + 1
        state["seed"] = seed + i
        chaos.Knobs.choose(seed + i)
        events.reset()
        events.clear_failure()
        del chaos.STARTED[:]
        ctx = kit.Context(random.Random(seed + i), dog, path)
        dog.arm(args.timeout, "round %d did not finish within %.1fs" % (i + 1, args.timeout))
        try:
            scenario.run(solution, ctx)
            kit.check_failure()
        except BaseException as e:
            # A thread's earlier report explains more than what followed it.
            first = events.first_failure() or e
            invariant, detail = kit.explain(first, path)
            report(invariant, detail, getattr(first, "events", None))
            return 1
        finally:
            dog.disarm()
    sys.settrace(None)
    threading.settrace(None)
    print(
        "✓ %s: %d rounds passed (seeds %d..%d) in %.1fs; Python 3.8 syntax OK"
        % (args.drill, args.rounds, seed, seed + args.rounds - 1, time.monotonic() - started)
    )
    return 0


def load(path, source):
    """Runs the solution as a module that imports the instrumented primitives."""
    module = types.ModuleType("solution")
    module.__file__ = path
    module.__dict__["__builtins__"] = chaos.hooked_builtins()
    sys.modules["solution"] = module
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def _thread_died(path):
    def hook(args):
        name = args.thread.name if args.thread is not None else "?"
        invariant, detail = kit.explain(args.exc_value, path)
        events.fail(
            "no thread dies: %s ended with an uncaught exception" % name,
            "%s\n%s" % (invariant, detail),
        )

    return hook


def print_report(drill, file, state, rounds, invariant, detail, replay, log=None):
    print()
    print("✗ FAILED python drill %s (%s)" % (drill, file))
    if state["round"]:
        print("  seed:      %d (round %d of %d)" % (state["seed"], state["round"], rounds))
    else:
        print("  seed:      %d (the checks before round 1)" % state["seed"])
    print("  invariant: %s" % invariant)
    if detail:
        for line in detail.splitlines():
            print("             " + line)
    print("  events (the last 25, oldest first):")
    for line in log or events.tail(25):
        print("    " + line)
    print("  replay:    %s --seed %d" % (replay, state["seed"]))
    print(
        "  (the seed fixes the workload and the injected pauses; the OS still\n"
        "   schedules the threads, so a replay usually, not always, fails the same way)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # the solution's threads may still be running: do not wait for them
