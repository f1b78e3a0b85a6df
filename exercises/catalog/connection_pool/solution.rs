//! # Connection pool: reference solution
//!
//! The free list is only touched under its mutex, and `acquire_timeout`
//! pops in the same lock section in which it saw the list non-empty, so a
//! connection leaves the list exactly once per borrow. The wait is a loop:
//! after any wake-up (a release, a spurious one, or one for a connection
//! another waiter took first) it re-checks the list, and it gives up only
//! when the deadline has passed and the list is still empty. `release`
//! pushes under the lock and then `notify_one`s: one returned connection
//! can satisfy one waiter, and a waiter that finds it gone waits again.
//!
//! ## In Python 3.8
//! ```python
//! import threading, time
//!
//! class Timeout(Exception):
//!     pass
//!
//! class Pool:
//!     def __init__(self, size):
//!         self._free = list(range(size))
//!         self._cond = threading.Condition()
//!
//!     def acquire(self, timeout):
//!         deadline = time.monotonic() + timeout
//!         with self._cond:
//!             while not self._free:
//!                 left = deadline - time.monotonic()
//!                 if left <= 0 or not self._cond.wait(left):
//!                     if not self._free:
//!                         raise Timeout()
//!             return self._free.pop()
//!
//!     def release(self, conn):
//!         with self._cond:
//!             self._free.append(conn)
//!             self._cond.notify()
//! ```
//! (`with self._cond: if not self._cond.wait_for(lambda: self._free,
//! timeout): raise Timeout()` is the short form; a `contextmanager` that
//! releases in `finally` is the Python cousin of release-on-drop.)

use exercises::prelude::*;

/// No connection came free in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout;

/// A borrowed connection; give it back with [`Pool::release`].
#[derive(Debug, PartialEq, Eq)]
pub struct Conn {
    id: usize,
}

impl Conn {
    /// Which of the pool's connections this is, from 0.
    pub fn id(&self) -> usize {
        self.id
    }
}

/// A fixed set of connections shared by many threads.
pub struct Pool<B: Backend> {
    free: Mutex<B, Vec<usize>>,
    returned: Condvar<B>,
}

impl<B: Backend> Pool<B> {
    /// A pool of `size` connections, all free.
    pub fn new(size: usize) -> Self {
        Self {
            free: Mutex::new((0..size).collect()),
            returned: Condvar::new(),
        }
    }

    /// Borrows a free connection, waiting up to `timeout` for one.
    pub fn acquire_timeout(&self, timeout: Duration) -> Result<Conn, Timeout> {
        let deadline = B::now() + timeout;
        let mut free = self.free.lock();
        loop {
            if let Some(id) = free.pop() {
                return Ok(Conn { id });
            }
            let left = deadline.saturating_sub(B::now());
            if left.is_zero() {
                return Err(Timeout);
            }
            free = self.returned.wait_timeout(free, left).0;
        }
    }

    /// Gives a connection back and wakes a waiter.
    pub fn release(&self, conn: Conn) {
        self.free.lock().push(conn.id);
        self.returned.notify_one();
    }
}
