#!/usr/bin/env python3
"""Python's concurrent.futures.ThreadPoolExecutor on the executor's
throughput shape: no-op tasks, 1 submitter, 2 and 4 workers, every future's
result taken after the last submit (the Rust `submit+join` shape), median of
R rounds; plus the idle submit-to-start latency at 2 workers.

Prints a Markdown table, or with --tsv the lines the `ratios` binary reads:
  version <v>
  throughput <workers> <median ns/task> <min> <max>
  latency <p50 ns> <p90 ns> <p99 ns>
"""

import argparse
import platform
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

IDLE_GAP_S = 200e-6  # the pause before each latency sample, as in Rust


def noop():
    return None


def throughput(workers, tasks):
    """Nanoseconds per task, first submit to last result, on a warm pool."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(noop) for _ in range(max(tasks // 10, 100))]:
            f.result()  # warm-up: starts every worker thread
        started = time.perf_counter_ns()
        futures = [pool.submit(noop) for _ in range(tasks)]
        for f in futures:
            f.result()
        return (time.perf_counter_ns() - started) / tasks


def start_latency(workers, samples):
    """Submit-to-start latencies in ns, one task at a time on an idle pool."""
    latencies = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(noop) for _ in range(workers * 10)]:
            f.result()
        for _ in range(samples):
            time.sleep(IDLE_GAP_S)
            box = []
            ran = threading.Event()

            def task():
                box.append(time.perf_counter_ns())
                ran.set()

            submitted = time.perf_counter_ns()
            pool.submit(task)
            ran.wait()
            latencies.append(box[0] - submitted)
    return sorted(latencies)


def quantile(values, q):
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument("--tsv", action="store_true")
    args = parser.parse_args()

    rows = []
    for workers in (2, 4):
        per_task = [throughput(workers, args.tasks) for _ in range(args.rounds)]
        rows.append((workers, statistics.median(per_task), min(per_task), max(per_task)))
        print(f"python: {workers} workers done", file=sys.stderr)
    lat = start_latency(2, args.samples)
    p50, p90, p99 = (quantile(lat, q) for q in (0.5, 0.9, 0.99))

    if args.tsv:
        print(f"version\t{platform.python_version()}")
        for workers, median, lo, hi in rows:
            print(f"throughput\t{workers}\t{median:.1f}\t{lo:.1f}\t{hi:.1f}")
        print(f"latency\t{p50}\t{p90}\t{p99}")
        return

    print(f"Python {platform.python_version()} ThreadPoolExecutor, "
          f"{args.tasks} tasks per run, median of {args.rounds} rounds\n")
    print("| workers | ns/task [min-max] | tasks/s | idle start p50 µs |")
    print("|---:|---:|---:|---:|")
    for workers, median, lo, hi in rows:
        print(f"| {workers} | {median:.0f} [{lo:.0f}-{hi:.0f}] | {1e9 / median:.0f} "
              f"| {p50 / 1000:.1f} |")


if __name__ == "__main__":
    main()
