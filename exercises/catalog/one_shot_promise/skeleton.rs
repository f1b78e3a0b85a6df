//! # One-shot promise: hand one value to whoever is waiting
//!
//! A promise is a box that starts empty and is filled exactly once. Any
//! number of threads may wait for it; they must *sleep* until it is
//! filled, not spin. The tool is a condition variable: a waiter checks the
//! box while holding the lock and, if it is empty, `wait` releases the
//! lock and sleeps in one step, so a completion cannot slip in between the
//! check and the sleep. The completer fills the box under the same lock
//! and wakes every sleeper.
//!
//! ## Your task
//! Implement `Promise` so that:
//! - `wait()` blocks until the promise is completed, then returns (a clone
//!   of) the value; it never returns before `complete`, even if the
//!   condition variable wakes it for no reason (spurious wake-ups happen);
//! - every waiter wakes up, however many are asleep when `complete` runs;
//! - the first `complete(v)` wins and returns `Ok(())`; every later or
//!   concurrent loser gets `Err(v)` back with its own value, and the stored
//!   value never changes.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Promise:
//!     def __init__(self): ...
//!     def complete(self, value) -> bool: ...   # False if already completed
//!     def wait(self): ...                      # blocks, returns the value
//! ```
//!
//! Grade with `cargo drill check one_shot_promise`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// A value that is set once and waited for by many.
pub struct Promise<B: Backend, T: Send> {
    slot: Mutex<B, Option<T>>,
    ready: Condvar<B>,
}

impl<B: Backend, T: Send + Clone> Promise<B, T> {
    /// An empty promise.
    pub fn new() -> Self {
        Self {
            slot: Mutex::new(None),
            ready: Condvar::new(),
        }
    }

    /// Fills the promise; `Err(value)` if it was already filled.
    pub fn complete(&self, value: T) -> Result<(), T> {
        todo!("fill the slot under the lock if it is empty, then wake every waiter")
    }

    /// Blocks until the promise is filled; returns a clone of the value.
    pub fn wait(&self) -> T {
        todo!("sleep on the condition variable while the slot is empty")
    }
}
// ANCHOR_END: skeleton
