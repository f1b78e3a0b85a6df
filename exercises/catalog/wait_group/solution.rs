//! # Wait group: reference solution
//!
//! The count is guarded by the mutex that the condition variable waits
//! with. A waiter reads the count and, if it is not zero, goes to sleep
//! without letting the lock go in between (`wait_while`), so the last
//! `done` happens either before its check (it sees zero) or after it is
//! asleep (and is woken). `wait_while` re-checks after each wake-up,
//! which makes spurious wake-ups harmless. The last `done` calls
//! `notify_all`: every waiter is waiting for the same zero.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class WaitGroup:
//!     def __init__(self):
//!         self._cond = threading.Condition()
//!         self._outstanding = 0
//!
//!     def add(self, n):
//!         with self._cond:
//!             self._outstanding += n
//!
//!     def done(self):
//!         with self._cond:
//!             if self._outstanding == 0:
//!                 raise ValueError("done() called more times than add()")
//!             self._outstanding -= 1
//!             if self._outstanding == 0:
//!                 self._cond.notify_all()
//!
//!     def wait(self):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._outstanding == 0)
//! ```

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
        *self.outstanding.lock() += n;
    }

    /// Marks one task done; wakes the waiters when it was the last.
    pub fn done(&self) {
        let mut outstanding = self.outstanding.lock();
        assert!(*outstanding > 0, "done() called more times than add() added");
        *outstanding -= 1;
        if *outstanding == 0 {
            drop(outstanding);
            self.all_done.notify_all();
        }
    }

    /// Blocks until nothing is outstanding.
    pub fn wait(&self) {
        let _zero = self.all_done.wait_while(self.outstanding.lock(), |n| *n > 0);
    }
}
