//! # An event flag: Python's `threading.Event`
//!
//! An event is a boolean that threads can wait on: `set` raises it and
//! wakes everyone waiting, `clear` lowers it, `wait` blocks until it is
//! raised. It is the usual shutdown signal. The waiting must be a real
//! sleep on a condition variable, not a loop that checks the flag and naps.
//!
//! Three rules make it correct. The flag is read and written under the
//! mutex the condvar waits with; otherwise `set` can slip in between a
//! waiter's check and its wait, and the wake-up is lost. `set` wakes *all*
//! waiters (`notify_all`): every waiter is waiting for the same thing.
//! And a waiter re-checks the flag in a `while` loop after every wake-up,
//! because wake-ups can be spurious.
//!
//! ## Your task
//! - `set()` raises the flag and wakes every thread blocked in `wait`;
//! - `clear()` lowers it; `is_set()` reads it;
//! - `wait()` returns at once if the flag is up, and otherwise blocks until
//!   a `set`; when it returns the flag was up (no early return on a
//!   spurious wake-up), and a `set` racing with it is never missed.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Event:
//!     def __init__(self) -> None: ...
//!     def set(self) -> None: ...
//!     def clear(self) -> None: ...
//!     def is_set(self) -> bool: ...
//!     def wait(self) -> bool: ...   # True once set
//! ```
//!
//! Grade with `cargo drill check event_flag`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!()
    }

    /// Lowers the flag.
    pub fn clear(&self) {
        todo!()
    }

    /// Whether the flag is up.
    pub fn is_set(&self) -> bool {
        todo!()
    }

    /// Blocks until the flag is up; returns `true`.
    pub fn wait(&self) -> bool {
        todo!("wait on the condvar while the flag is down")
    }
}
// ANCHOR_END: skeleton
