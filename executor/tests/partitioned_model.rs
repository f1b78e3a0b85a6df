//! State-machine test: the partitioned pool against a sequential model.
//!
//! proptest draws a lane capacity (1 to 3), a starting worker count (1 to
//! `MAX_WORKERS`) and operations: blocking `submit` and `try_submit` on one
//! of four keys, `Release`, `resize`, `shutdown_now`, `shutdown`. As in
//! `model.rs`, tasks wait at a gate only the test opens; each lane has one
//! worker, so a lane holds at most one running task and its queue fills
//! predictably, and after every operation the pool must equal the model:
//!
//! - **Routing**: a key with tasks queued or running stays on their lane
//!   (sticky, even when a resize moved its hash or retired the lane); any
//!   other key goes to `routing::worker_for(&key, active)`. Checked through
//!   `pool.worker_for(key)` for every key, and through the lane each
//!   accepted task is counted on.
//! - **Accounting**: `metrics()` equals the model, and per lane
//!   `partition_metrics()` has the model's depth, accepted and finished
//!   counts and `active` flag (`hot_lanes(0)`: the non-empty lanes).
//! - **Admission**: `try_submit` is refused `Full` exactly when the key's
//!   lane has `capacity` queued, `ShuttingDown` exactly once closed (and
//!   `resize` too); task ids count accepted tasks.
//! - **Per-key FIFO**: each lane starts its queued tasks in queue order, and
//!   at the end each key's tasks ran (as they record it themselves) in
//!   submission order, among those that ran.
//! - **Handles** resolve to the value, `Panicked` or `Cancelled` (by
//!   `shutdown_now`, which returns the queued tasks lane by lane).
//!
//! Waiting is never by sleeping: a task logs `(key, offer number)` as it
//! starts (after the worker accounted it running) and the test waits for
//! the log to grow; a handle resolves after the worker accounted the task's
//! end. A blocking `submit`
//! to a full lane would wait forever while the gate is shut, so the test
//! releases the held tasks first. Timeouts only turn a hang into a failure.
//!
//! The harness (the pool, the board its tasks share with the test, and the
//! sequential model) is in `partitioned_model_support/harness.rs`.

// This test drives the pool from outside with std primitives; it is not
// code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::*;

#[path = "partitioned_model_support/harness.rs"]
mod harness;
use harness::Harness;

use executor::routing::worker_for;
use proptest::prelude::*;
use std::time::Duration;

/// How long a task may take to start, or `shutdown()` to return, before the
/// test calls it a hang.
const HANG: Duration = Duration::from_secs(5);
/// The pool's `max_workers`: resizes go up to this.
const MAX_WORKERS: usize = 4;
const KEYS: [&str; 4] = ["key-0", "key-1", "key-2", "key-3"];
/// `KEYS[k]`'s lane among 1, 2, 3, 4 workers: resizes move every key.
const KEY_LANES: [[usize; 4]; 4] = [[0, 1, 1, 1], [0, 1, 2, 2], [0, 0, 0, 3], [0, 0, 2, 2]];

#[derive(Debug, Clone, Copy)]
enum Op {
    /// Blocking `submit(key, task)`; the bool: the task panics.
    Submit(usize, bool),
    /// `try_submit(key, task)`; the bool: the task panics.
    TrySubmit(usize, bool),
    /// Open the gate until every held task has finished, then shut it.
    Release,
    Resize(usize),
    ShutdownNow,
    /// Open the gate for good, then `shutdown()`.
    Shutdown,
}

fn op() -> impl Strategy<Value = Op> {
    let task = || (0..KEYS.len(), prop::bool::weighted(0.2));
    prop_oneof![
        8 => task().prop_map(|(key, panics)| Op::Submit(key, panics)),
        14 => task().prop_map(|(key, panics)| Op::TrySubmit(key, panics)),
        4 => Just(Op::Release),
        6 => (1..=MAX_WORKERS).prop_map(Op::Resize),
        1 => Just(Op::ShutdownNow),
        1 => Just(Op::Shutdown),
    ]
}

fn run(workers: usize, capacity: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    silence_deliberate_panics();
    let mut harness = Harness::new(workers, capacity);
    harness.check()?;
    for (step, &op) in ops.iter().enumerate() {
        harness.apply(op)?;
        let checked = harness.check();
        checked.map_err(|e| TestCaseError::fail(format!("after step {step}, {op:?}: {e}")))?;
    }
    harness.finish()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // A hanging pool costs `HANG` per shrinking step: bound the shrinking.
        max_shrink_time: 60_000,
        failure_persistence: regressions("tests/partitioned_model.proptest-regressions"),
        ..ProptestConfig::default()
    })]

    /// Every operation sequence leaves the partitioned pool exactly where the
    /// sequential model says, and every key's tasks run in submission order.
    #[test]
    fn partitioned_pool_matches_sequential_model(
        workers in 1..=MAX_WORKERS,
        capacity in 1usize..=3,
        ops in prop::collection::vec(op(), 1..64),
    ) {
        run(workers, capacity, &ops)?;
    }
}

/// A fixed sequence through the sticky-routing paths (one worker, lanes of
/// 2), so they run even if proptest's draws miss them.
#[test]
fn fixed_sequence_covers_sticky_routing() {
    use Op::*;
    for (key, lanes) in KEY_LANES.iter().enumerate() {
        let got: Vec<usize> = (1..=4).map(|n| worker_for(KEYS[key], n)).collect();
        assert_eq!(&got, lanes, "the routing this sequence relies on");
    }
    #[rustfmt::skip]
    let ops = [
        Submit(0, false),    // lane 0: runs, held at the gate
        TrySubmit(0, false), // lane 0, queued
        Resize(2),           // key-0 hashes to lane 1 now...
        TrySubmit(0, true),  // ...but follows its tasks on lane 0
        TrySubmit(0, false), // refused Full: lane 0 is full, lane 1 idle
        TrySubmit(1, false), // lane 1
        Resize(4),
        Submit(2, true),     // lane 3
        TrySubmit(2, false), // lane 3, queued
        Resize(1),           // lanes 1 to 3 retire...
        TrySubmit(2, false), // ...but key-2 follows its tasks on lane 3
        TrySubmit(3, false), // refused Full (lane 0)
        Submit(3, false),    // lane 0 full: released first, then runs
        Release,             // retired lanes drain, their workers leave
        Resize(3),           // lanes 1 and 2 served again
        Submit(1, false),    // lane 2
        TrySubmit(1, true),  // lane 2, queued
        ShutdownNow,         // cancels it
        TrySubmit(0, false), // refused ShuttingDown
        Resize(2),           // refused ShuttingDown
        Release,
        Shutdown,
        Shutdown,
    ];
    run(1, 2, &ops).unwrap();
}
