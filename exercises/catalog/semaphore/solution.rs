//! # A counting semaphore: reference solution
//!
//! The free-permit count lives in the mutex. `acquire` waits in a loop
//! (`wait_while`) until the count is positive and decrements it while still
//! holding the lock, so the check and the take are one step. `release`
//! increments under the lock and wakes one waiter: one permit can satisfy
//! one waiter, so `notify_one` is enough, and `notify_all` would only wake
//! threads that go back to sleep. If a newcomer grabs the permit before the
//! woken waiter runs, the waiter's loop sees zero and sleeps again; the
//! newcomer's own `release` will wake it later, so nothing is lost.
//!
//! This semaphore is not FIFO: a newcomer may overtake a waiter. Python's
//! `BoundedSemaphore` also refuses more releases than acquires; this one,
//! like `threading.Semaphore`, trusts its callers.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Semaphore:
//!     def __init__(self, permits):
//!         self._cond = threading.Condition(threading.Lock())
//!         self._permits = permits
//!
//!     def acquire(self):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._permits > 0)
//!             self._permits -= 1
//!
//!     def try_acquire(self):
//!         with self._cond:
//!             if self._permits == 0:
//!                 return False
//!             self._permits -= 1
//!             return True
//!
//!     def release(self):
//!         with self._cond:
//!             self._permits += 1
//!             self._cond.notify()       # one permit, one waiter
//! ```

use exercises::prelude::*;

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
        let mut permits = self.released.wait_while(self.permits.lock(), |free| *free == 0);
        *permits -= 1;
    }

    /// Takes a permit if one is free; never blocks.
    pub fn try_acquire(&self) -> bool {
        let mut permits = self.permits.lock();
        if *permits == 0 {
            return false;
        }
        *permits -= 1;
        true
    }

    /// Gives a permit back and wakes a waiter.
    pub fn release(&self) {
        *self.permits.lock() += 1;
        self.released.notify_one();
    }
}
