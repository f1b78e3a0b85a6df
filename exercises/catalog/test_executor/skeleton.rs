//! # Write the test: the request executor
//!
//! "How would you test it?" follows every executor an interviewer sees.
//! Here you answer it in code. You are given the executor of the
//! `executor` drill behind the trait `Executor`; you write the scenario
//! that checks it. The grader runs your scenario under shuttle and loom,
//! which try its interleavings:
//! - on the reference executor, where it must pass on every schedule (a
//!   test that fails a correct executor is a false alarm);
//! - on four executors with one classic bug each, where it must fail on
//!   at least one schedule (a test that passes a broken executor lets the
//!   bug ship). The bugs are not named here: work out from the promises
//!   below what could go wrong, as you would in the interview.
//!
//! ## The promises to check
//! - every accepted task runs exactly once;
//! - a task that panics is counted as `failed`, and its worker survives to
//!   run the next task;
//! - `shutdown()` lets the workers drain what was accepted, wakes every
//!   idle worker and joins them all, and returns;
//! - every `metrics()` snapshot balances, even one taken while the workers
//!   run: `submitted == accepted + rejected` and
//!   `accepted == completed + failed + queued + running`.
//!
//! ## Your task
//! Write `scenario`: build an executor with `E::new(workers, capacity)`,
//! drive it from this thread (threads of your own only if you need them,
//! through `spawn`), and assert the promises with messages that say which
//! one broke. Keep it small: loom tries every interleaving, so two
//! workers and a few tasks is plenty. No sleeping: a checker never lets
//! time pass. A panic you cause on purpose must say `deliberate panic`.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//!
//! def scenario(make_executor) -> None:
//!     """make_executor(workers, capacity) builds the executor under test;
//!     raise AssertionError if a promise breaks."""
//! ```
//!
//! Grade with `cargo drill check test_executor`.

use exercises::prelude::*;
use exercises::subjects::executor::Executor;

/// Checks the executor's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, E: Executor<B>>() {
    todo!("build an executor with E::new(..), submit tasks, assert the promises")
}
