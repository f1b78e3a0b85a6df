//! State-machine test: the executor against a sequential model.
//!
//! proptest generates a queue capacity (1 to 3) and a sequence of operations
//! (blocking `submit`, a blocking `submit` left blocked on the full queue,
//! `try_submit`, `Release`, `shutdown_now`, `shutdown`)
//! and runs them against a one-worker pool whose tasks wait at a gate that
//! only the test opens. With the worker held at the gate, the pool's state
//! is deterministic, so a sequential model predicts it exactly, and after
//! every operation the test compares the two. The guarantees guarded:
//!
//! - **Exact accounting**: after every operation, `metrics()` equals the
//!   model's counts (submitted, accepted, rejected, waiting, completed,
//!   failed, cancelled, queued, running) and is consistent, a blocked
//!   submitter included.
//! - **Blocked submitters**: one blocked on the full queue is admitted into
//!   the first slot the worker frees (behind the queued tasks), and refused
//!   `ShuttingDown` when the pool closes.
//! - **Admission**: a submission is accepted, refused `Full` or refused
//!   `ShuttingDown` exactly when the model says; task ids count the accepted
//!   tasks from 0; the worker starts tasks one at a time in FIFO order.
//! - **Bounded queue**: the queue holds at most `capacity` waiting tasks.
//! - **`shutdown_now`**: returns exactly the queued tasks, in queue order,
//!   with their handles already resolved `Cancelled`; the running task is
//!   not disturbed and a second call returns nothing.
//! - **`shutdown`**: runs every accepted task before it returns; afterwards
//!   the pool is terminated and every handle is already resolved.
//! - **Handles**: each resolves to the task's value, `Panicked` with the
//!   task's message, or `Cancelled`, as the model predicts.
//!
//! How the test waits (never by sleeping): a task sends its number on a
//! channel as it starts, which happens after the worker has accounted it as
//! running; a handle resolves only after the worker has accounted the
//! task's end, so joining it waits for the accounting too. A blocking
//! `submit` on a full queue would wait forever while the worker is held, so
//! the test releases the held tasks first. The timeouts (on the start
//! channel, and on `shutdown()`, which runs on a helper thread) only turn a
//! hang into a failure; nothing relies on them firing.
//!
//! The harness (the pool, its gate and the sequential model) is in
//! `model_support/harness.rs`.

// This test drives the pool from outside with std primitives; it is not
// code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::*;

#[path = "model_support/harness.rs"]
mod harness;
use harness::Harness;

use proptest::prelude::*;
use std::time::Duration;

/// How long a task may take to start, or `shutdown()` to return, before the
/// test calls it a hang.
const HANG: Duration = Duration::from_secs(10);

// ANCHOR: ops
#[derive(Debug, Clone)]
enum Op {
    /// Blocking `submit` (the default `Block` policy).
    Submit {
        panics: bool,
    },
    /// Blocking `submit` into the full queue, from its own thread: it
    /// stays blocked (counted `waiting`) until a slot frees or the pool
    /// closes. A plain `Submit` if the queue is not full.
    SubmitBlocked {
        panics: bool,
    },
    /// `try_submit`.
    TrySubmit {
        panics: bool,
    },
    /// Open the gate until every held task has finished, then close it.
    Release,
    ShutdownNow,
    /// Open the gate for good, then `shutdown()`.
    Shutdown,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => prop::bool::weighted(0.25).prop_map(|panics| Op::Submit { panics }),
        8 => prop::bool::weighted(0.25).prop_map(|panics| Op::TrySubmit { panics }),
        4 => prop::bool::weighted(0.25).prop_map(|panics| Op::SubmitBlocked { panics }),
        3 => Just(Op::Release),
        1 => Just(Op::ShutdownNow),
        1 => Just(Op::Shutdown),
    ]
}
// ANCHOR_END: ops

fn run(capacity: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    silence_deliberate_panics();
    let mut harness = Harness::new(capacity);
    for op in ops {
        harness.apply(op)?;
        harness.check(op)?;
    }
    harness.finish()
}

// ANCHOR: model_proptest
proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // A hanging pool costs `HANG` per shrinking step: bound the shrinking.
        max_shrink_time: 60_000,
        failure_persistence: regressions("tests/model.proptest-regressions"),
        ..ProptestConfig::default()
    })]

    /// Every operation sequence leaves the pool exactly where the sequential
    /// model says, and every handle resolves as the model predicts.
    #[test]
    fn pool_matches_sequential_model(
        capacity in 1usize..=3,
        ops in prop::collection::vec(op(), 1..48),
    ) {
        run(capacity, &ops)?;
    }
}
// ANCHOR_END: model_proptest

/// A fixed sequence through every branch of the model, so the interesting
/// paths run even if proptest's draws miss them.
#[test]
fn fixed_sequence_covers_every_branch() {
    use Op::*;
    let ops = [
        Submit { panics: false },       // runs at once, held at the gate
        TrySubmit { panics: true },     // queued
        TrySubmit { panics: false },    // refused Full (capacity 1)
        Submit { panics: false },       // full: released first, then runs
        SubmitBlocked { panics: true }, // blocked until the release
        Release,                        // frees a slot: admitted, then runs
        Submit { panics: true },
        TrySubmit { panics: false },     // queued
        SubmitBlocked { panics: false }, // blocked on the full queue
        ShutdownNow,                     // cancels the queued one, refuses the blocked
        Submit { panics: false },        // refused ShuttingDown
        TrySubmit { panics: false },     // refused ShuttingDown
        Submit { panics: false },        // refused ShuttingDown, without blocking
        ShutdownNow,                     // nothing left to cancel
        Release,
        Shutdown,
        Shutdown,
    ];
    run(1, &ops).unwrap();
}
