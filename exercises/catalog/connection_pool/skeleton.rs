//! # Connection pool: N permits with names
//!
//! A pool is a counting semaphore whose permits are real objects: there are
//! N connections, a caller borrows one, uses it alone, and gives it back.
//! When none is free the caller waits, up to a deadline, for someone to
//! return one. The free list lives under a mutex; a condition variable
//! says "a connection came back". Taking a connection off the free list
//! and handing it out must be one step under the lock, or two callers can
//! leave with the same one.
//!
//! ## Your task
//! Implement `Pool` so that, however many threads use it at once:
//! - a connection is never held by two callers at the same time, and at
//!   most N are out;
//! - `acquire_timeout(d)` returns a free connection at once if there is
//!   one, and otherwise waits; a caller that is waiting gets a connection
//!   once one is released (`release` must wake a waiter);
//! - it returns `Err(Timeout)` when nothing was released within `d`
//!   (checked on real threads only: the model checkers never let time
//!   pass); spurious wake-ups must not shorten or break the wait.
//!
//! Use `Condvar::wait_timeout` and `B::now()` for the deadline.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Timeout(Exception): ...
//!
//! class Pool:
//!     def __init__(self, size: int): ...
//!     def acquire(self, timeout: float) -> "Conn": ...   # raises Timeout
//!     def release(self, conn: "Conn") -> None: ...
//! ```
//!
//! Grade with `cargo drill check connection_pool`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("wait while the free list is empty, then pop under the same lock")
    }

    /// Gives a connection back and wakes a waiter.
    pub fn release(&self, conn: Conn) {
        todo!()
    }
}
// ANCHOR_END: skeleton
