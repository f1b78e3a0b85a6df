//! # A counting semaphore from a mutex and a condition variable
//!
//! A semaphore holds N permits: `acquire` takes one, waiting while none are
//! left, and `release` gives one back. It caps concurrency: at most N
//! threads hold a permit at once (N database connections, N requests in
//! flight to a rate-limited service). With N = 1 it is a lock that any
//! thread may release.
//!
//! Built by hand, it is a count under a `Mutex` and a `Condvar` that
//! `release` signals. The classic mistakes are the condition-variable ones:
//! waiting with `if` instead of `while` (a spurious wake-up, or another
//! thread that takes the permit first, leaves you with none), and a
//! `release` that does not wake a waiter when it should.
//!
//! ## Your task
//! - `acquire()` takes a permit, blocking while there is none;
//! - `try_acquire()` takes a permit if one is free and says whether it did,
//!   never blocking;
//! - `release()` returns a permit and wakes a waiter, if any;
//! - at no moment do more than N threads hold a permit, and a thread
//!   blocked in `acquire` gets through once permits are released (no lost
//!   wake-ups).
//!
//! This is graded by trace validity: the suite counts how many threads are
//! inside at every moment, under every schedule the checkers try.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Semaphore:
//!     def __init__(self, permits: int) -> None: ...
//!     def acquire(self) -> None: ...
//!     def try_acquire(self) -> bool: ...
//!     def release(self) -> None: ...
//! ```
//! (Python ships `threading.Semaphore`; build this one from a `Lock` and a
//! `Condition`, which is what the interviewer will ask for.)
//!
//! Grade with `cargo drill check semaphore`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// N permits shared by many threads.
pub struct Semaphore<B: Backend> {
    permits: Mutex<B, usize>,
    released: Condvar<B>,
}

impl<B: Backend> Semaphore<B> {
    /// A semaphore holding `permits` permits.
    pub fn new(permits: usize) -> Self {
        Self {
            permits: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    /// Takes a permit, waiting while there is none.
    pub fn acquire(&self) {
        todo!("wait while no permit is free, then take one")
    }

    /// Takes a permit if one is free; never blocks.
    pub fn try_acquire(&self) -> bool {
        todo!()
    }

    /// Gives a permit back and wakes a waiter.
    pub fn release(&self) {
        todo!()
    }
}
// ANCHOR_END: skeleton
