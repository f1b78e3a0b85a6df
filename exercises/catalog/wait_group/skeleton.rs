//! # Wait group: wait until every task is done
//!
//! A wait group counts outstanding tasks: `add(n)` before handing out n
//! tasks, `done()` as each one finishes, and `wait()` sleeps until the
//! count is back to zero. It is Go's `sync.WaitGroup`, and what Python's
//! `queue.Queue` does with `task_done()` and `join()`. The count must live
//! under the same lock the waiters sleep on, so that the last `done` and
//! its wake-up cannot slip in between a waiter's check and its sleep.
//!
//! ## Your task
//! Implement `WaitGroup` so that:
//! - `wait()` returns only once every task added so far is done: not
//!   before, even on a spurious wake-up;
//! - `wait()` returns at once when nothing is outstanding;
//! - every thread blocked in `wait()` wakes when the count reaches zero;
//!   any number of threads may wait.
//!
//! Calling `done()` more often than tasks were added is the caller's bug;
//! panicking with a clear message (as Go does) is a good answer.
//!
//! ## The Python 3.8 shape
//! ```python
//! class WaitGroup:
//!     def __init__(self): ...
//!     def add(self, n: int) -> None: ...
//!     def done(self) -> None: ...
//!     def wait(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check wait_group`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// Counts outstanding tasks; `wait` blocks until there are none.
pub struct WaitGroup<B: Backend> {
    outstanding: Mutex<B, usize>,
    all_done: Condvar<B>,
}

impl<B: Backend> WaitGroup<B> {
    /// A group with nothing outstanding.
    pub fn new() -> Self {
        Self {
            outstanding: Mutex::new(0),
            all_done: Condvar::new(),
        }
    }

    /// Registers `n` more tasks.
    pub fn add(&self, n: usize) {
        todo!()
    }

    /// Marks one task done; wakes the waiters when it was the last.
    pub fn done(&self) {
        todo!("decrement under the lock; at zero, wake every waiter")
    }

    /// Blocks until nothing is outstanding.
    pub fn wait(&self) {
        todo!("sleep on the condition variable while the count is above zero")
    }
}
// ANCHOR_END: skeleton
