//! # One-shot promise: reference solution
//!
//! The slot lives under the mutex, so "is it empty?" and "go to sleep" are
//! one step for a waiter: `wait_while` checks the slot with the lock held,
//! and `wait` gives the lock up only as it starts sleeping. A completer
//! needs that lock to fill the slot, so it either runs before the check
//! (the waiter sees the value and never sleeps) or after the waiter is
//! asleep (and its `notify_all` wakes it). `wait_while` re-checks after
//! every wake-up, so a spurious one just sends the waiter back to sleep.
//! `notify_all`, not `notify_one`: every waiter wants the same event.
//! Testing and filling the slot under one lock makes the first completer
//! the only winner.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Promise:
//!     def __init__(self):
//!         self._cond = threading.Condition()
//!         self._done = False
//!         self._value = None
//!
//!     def complete(self, value):
//!         with self._cond:
//!             if self._done:
//!                 return False
//!             self._value = value
//!             self._done = True
//!             self._cond.notify_all()
//!             return True
//!
//!     def wait(self):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._done)   # loops for you
//!             return self._value
//! ```
//! (`concurrent.futures.Future` with `set_result` and `result()` is the
//! library version.)

use exercises::prelude::*;

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
        let mut slot = self.slot.lock();
        if slot.is_some() {
            return Err(value);
        }
        *slot = Some(value);
        drop(slot);
        self.ready.notify_all();
        Ok(())
    }

    /// Blocks until the promise is filled; returns a clone of the value.
    pub fn wait(&self) -> T {
        let slot = self.ready.wait_while(self.slot.lock(), |slot| slot.is_none());
        slot.clone().expect("wait_while returned, so the slot is filled")
    }
}
