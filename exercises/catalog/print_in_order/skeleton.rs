//! # Print in order: three calls, one fixed order
//!
//! Three threads each make one call on a shared object: one calls
//! `first`, one `second`, one `third`. The OS starts them in whatever
//! order it likes, yet their actions must run first, then second, then
//! third. A call that arrives early has to *wait* for its turn, and the
//! call before it has to *tell* it that the turn has come: a shared stage
//! number guarded by a mutex, and a condition variable to sleep on while
//! the stage is not yours yet. Sleeping "long enough" is not waiting: it
//! only makes the bad order rare.
//!
//! ## Your task
//! Implement `InOrder` so that, whatever order three threads call
//! `first`, `second` and `third` in (each exactly once):
//! - the `second` action starts only after the `first` action has
//!   finished, and the `third` action only after the `second` has;
//! - no call waits forever: every call returns once its predecessors ran;
//! - a waiting call blocks on the `Condvar` until its turn has come. A
//!   loop that checks the stage, yields (or sleeps) and checks again is
//!   busy-waiting, and it is rejected: it burns the CPU deciding nothing,
//!   and under loom and shuttle it makes endless schedules, which the
//!   grader reports as busy-waiting.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class InOrder:
//!     def __init__(self): ...
//!     def first(self, action: Callable[[], None]) -> None: ...
//!     def second(self, action: Callable[[], None]) -> None: ...
//!     def third(self, action: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check print_in_order`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Runs three actions, handed in from three threads, in a fixed order.
pub struct InOrder<B: Backend> {
    /// How many actions have finished: 0, 1, 2 or 3.
    stage: Mutex<B, u8>,
    /// Signalled whenever `stage` moves on.
    advanced: Condvar<B>,
}

impl<B: Backend> InOrder<B> {
    /// Nothing has run yet.
    pub fn new() -> Self {
        Self {
            stage: Mutex::new(0),
            advanced: Condvar::new(),
        }
    }

    /// Runs `action` as the first of the three.
    pub fn first(&self, action: impl FnOnce()) {
        todo!("run the action, then move the stage on and wake the waiters")
    }

    /// Runs `action` once `first`'s action has finished.
    pub fn second(&self, action: impl FnOnce()) {
        todo!("wait for stage 1, run, move to stage 2")
    }

    /// Runs `action` once `second`'s action has finished.
    pub fn third(&self, action: impl FnOnce()) {
        todo!("wait for stage 2, run, move to stage 3")
    }
}
// ANCHOR_END: skeleton
