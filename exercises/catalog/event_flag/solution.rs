//! # An event flag: reference solution
//!
//! The flag lives inside the mutex that the condvar waits with. `wait`
//! checks it and goes to sleep without ever releasing the lock in between
//! (`Condvar::wait` releases it atomically as it sleeps), so a `set` either
//! happens before the check, which then sees `true`, or after the waiter is
//! asleep, and its notification reaches it. `set` uses `notify_all`
//! because every waiter waits for the same flag. `wait_while` re-checks
//! after each wake-up, so a spurious one just goes back to sleep.
//!
//! One difference from CPython: its `Event.wait` returns after a
//! notification even if `clear()` ran before the waiter woke up, because
//! `Condition.wait` there returns on notify. This version waits for the
//! flag itself, so a `set` immediately followed by `clear` may not release
//! a waiter. Both are defensible; know which one you wrote.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Event:
//!     def __init__(self):
//!         self._cond = threading.Condition(threading.Lock())
//!         self._flag = False
//!
//!     def set(self):
//!         with self._cond:
//!             self._flag = True
//!             self._cond.notify_all()
//!
//!     def clear(self):
//!         with self._cond:
//!             self._flag = False
//!
//!     def is_set(self):
//!         return self._flag      # one read of one attribute: safe under the GIL
//!
//!     def wait(self):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._flag)   # loops for you
//!             return True
//! ```

use exercises::prelude::*;

/// A flag threads can wait on.
pub struct Event<B: Backend> {
    flag: Mutex<B, bool>,
    changed: Condvar<B>,
}

impl<B: Backend> Event<B> {
    /// A lowered flag.
    pub fn new() -> Self {
        Self {
            flag: Mutex::new(false),
            changed: Condvar::new(),
        }
    }

    /// Raises the flag and wakes every waiter.
    pub fn set(&self) {
        *self.flag.lock() = true;
        self.changed.notify_all();
    }

    /// Lowers the flag.
    pub fn clear(&self) {
        *self.flag.lock() = false;
    }

    /// Whether the flag is up.
    pub fn is_set(&self) -> bool {
        *self.flag.lock()
    }

    /// Blocks until the flag is up; returns `true`.
    pub fn wait(&self) -> bool {
        let _up = self.changed.wait_while(self.flag.lock(), |up| !*up);
        true
    }
}
