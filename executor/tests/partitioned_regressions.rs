//! Regressions for executor bugs the partitioned pool's tests found (both
//! fixed), test by test:
//!
//! - `blocked_submitter_is_woken_when_another_moves_lanes`: a submitter
//!   blocked on a full lane is woken once the lane has room, even when the
//!   submitter woken before it went to another lane (its key's sticky pin
//!   dissolved while it waited).
//! - `resize_from_a_task_during_shutdown_does_not_deadlock`: `resize` from
//!   inside a task while `shutdown()` joins the workers returns
//!   `ShuttingDown` instead of deadlocking both.
//!
//! No test sleeps to synchronise: tasks report that they started on a
//! channel and wait at a gate the test opens; handles are joined. Where the
//! pool exposes no event to wait on (a submitter now blocked, a shutdown
//! now joining), the test polls what it does expose (`metrics().submitted`,
//! `is_shutdown()`), yielding, with a deadline. Timeouts only turn a hang
//! into a failure.

// These tests drive the pool from outside with std primitives; they are not
// code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;
use common::*;

use executor::{Executor, ResizeError};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// How long a task may take to start before the test calls it a hang.
const HANG: Duration = Duration::from_secs(10);

/// Polls `ready`, yielding (never sleeping), until it holds; fails after
/// `HANG`.
fn wait_until(ready: impl Fn() -> bool) {
    let deadline = Instant::now() + HANG;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting");
        thread::yield_now();
    }
}

/// Executor bug: `admit` waits on the `not_full` condvar of the lane its key
/// routes to *now*; when the key's sticky pin dissolves while it waits (its
/// last running task finished), the woken submitter re-routes to another
/// lane and pushes there, swallowing the `notify_one` that lane 0's freed
/// slot sent. The next waiter on lane 0 sleeps on although lane 0 is empty,
/// until some other task happens to pass through lane 0 (here: never).
#[test]
fn blocked_submitter_is_woken_when_another_moves_lanes() {
    // `moving` is on lane 0 of 1 worker and hashes to lane 1 of 2;
    // `staying` is on lane 0 of both.
    let (moving, staying) = (key_on(1, 2), key_on(0, 2));
    let pool = Executor::builder().workers(1).max_workers(2).capacity(1);
    let pool = Arc::new(pool.name_prefix("hot-w").build_partitioned().unwrap());
    let gate = Arc::new(Gate::default());
    let (started_tx, started) = mpsc::channel();
    let held_gate = gate.clone();
    let hold = move || {
        started_tx.send(()).unwrap();
        held_gate.pass();
    };
    let held = pool.submit(&moving, hold).unwrap();
    started.recv_timeout(HANG).expect("the worker holds a task");
    let queued_gate = gate.clone();
    let queued = pool
        .try_submit(&staying, move || queued_gate.pass())
        .unwrap();
    pool.resize(2).unwrap();
    assert_eq!(pool.worker_for(&moving), 0, "sticky while its task runs");
    // Two submitters block on full lane 0, `moving`'s first. A submission
    // is counted under the lock its wait then releases, so once `submitted`
    // reaches `n`, that submitter is waiting.
    let (done_tx, done) = mpsc::channel();
    for (n, key) in [(3, moving), (4, staying)] {
        let (submitter, done_tx) = (pool.clone(), done_tx.clone());
        thread::spawn(move || {
            let accepted = submitter.submit(&key, || ()).map(|h| h.join()).is_ok();
            done_tx.send((key, accepted)).unwrap();
        });
        wait_until(|| pool.metrics().submitted == n);
    }
    // `moving`'s task ends (its key now routes to lane 1), then lane 0's
    // worker takes `staying`'s task, freeing a slot: one notify_one.
    gate.open();
    held.join().unwrap();
    queued.join().unwrap();
    for _ in 0..2 {
        let Ok((key, accepted)) = done.recv_timeout(HANG) else {
            let stuck = pool.partition_metrics();
            let _ = pool.shutdown_now(); // wakes (and refuses) the stuck one
            panic!(
                "a submitter blocked on lane 0 was never woken, though lane 0 is empty: {stuck:?}"
            );
        };
        assert!(accepted, "{key} refused");
    }
    pool.shutdown().unwrap();
}

/// Executor bug: `shutdown()` holds the pool's `workers` lock while it
/// joins the workers, and `resize()` takes that lock before it checks
/// `closed`. A task that calls `resize` (an autoscaler running on the pool)
/// while `shutdown()` joins waits for the lock, and the join waits for the
/// task: both hang. DESIGN.md: every misuse gets a typed error, never a hang.
#[test]
fn resize_from_a_task_during_shutdown_does_not_deadlock() {
    let pool = Executor::builder().workers(1).max_workers(2);
    let pool = Arc::new(pool.name_prefix("hot-w").build_partitioned().unwrap());
    let (gate, (started_tx, started)) = (Arc::new(Gate::default()), mpsc::channel());
    let (weak, task_gate) = (Arc::downgrade(&pool), gate.clone());
    let autoscaler = move || {
        started_tx.send(()).unwrap();
        task_gate.pass();
        weak.upgrade().map(|pool| pool.resize(2))
    };
    let autoscaler = pool.submit(&"autoscaler", autoscaler).unwrap();
    started
        .recv_timeout(HANG)
        .expect("the autoscaler task runs");
    let (done_tx, done) = mpsc::channel();
    let closer = pool.clone();
    thread::spawn(move || done_tx.send(closer.shutdown()).unwrap());
    // Closed: the shutdown goes on to join the workers (a moment later).
    wait_until(|| pool.is_shutdown());
    gate.open();
    let returned = done.recv_timeout(HANG);
    assert_eq!(
        returned,
        Ok(Ok(())),
        "shutdown() and a task's resize() deadlocked"
    );
    let resized = autoscaler.join().unwrap();
    assert!(
        matches!(resized, Some(Err(ResizeError::ShuttingDown))),
        "{resized:?}"
    );
}
