//! A partitioned pool resized again and again holds no finished threads:
//! a worker retired by a shrink is joined by the next resize (before the
//! fix, every retired worker stayed unjoined until shutdown, its stack
//! mapped: 100 shrink-and-grow cycles grew the process by hundreds of MB).
//!
//! Measured on Linux through `/proc/self/status` (`VmSize`, the mapped
//! virtual memory): each unjoined thread keeps its stack mapped. The test
//! polls `workers()` (yielding, with a deadline) to know a retired worker
//! has left, since the pool exposes no event for it.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use executor::Executor;
use std::time::{Duration, Instant};

/// The process's mapped virtual memory, in KiB.
fn vm_size_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmSize:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Polls `ready`, yielding, until it holds; fails after ten seconds.
fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::yield_now();
    }
}

#[test]
fn retired_workers_are_reaped() {
    if vm_size_kib().is_none() {
        eprintln!("no /proc/self/status here: nothing to measure");
        return;
    }
    let pool = Executor::builder()
        .workers(2)
        .max_workers(2)
        .build_partitioned()
        .unwrap();
    let cycle = || {
        pool.resize(1).unwrap();
        wait_until("the retired worker to leave", || pool.workers() == 1);
        pool.resize(2).unwrap(); // starts a new worker for lane 1
    };
    // Warm up first: new threads also get malloc arenas (64 MiB of address
    // space each, a bounded number of them), which are not leaks.
    (0..40).for_each(|_| cycle());
    let before = vm_size_kib().unwrap();
    const CYCLES: u64 = 100;
    (0..CYCLES).for_each(|_| cycle());
    let grown_mib = vm_size_kib().unwrap().saturating_sub(before) / 1024;
    // One worker's stack is at least 2 MiB: without reaping the growth is
    // at least 2 * CYCLES MiB; with it, a few threads' worth at most.
    assert!(
        grown_mib < 64,
        "{CYCLES} resize cycles grew the process by {grown_mib} MiB: retired workers are not joined"
    );
    pool.shutdown().unwrap();
}
