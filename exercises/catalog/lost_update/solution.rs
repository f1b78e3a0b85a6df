//! # Lost update: reference solution
//!
//! Each operation is one atomic read-modify-write, so there is no gap
//! between reading and writing for another thread to fall into.
//! `add_if_below` is a compare-and-swap loop: it writes `current + 1` only
//! if the value is still `current`, and otherwise retries with what it saw.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Counter:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._value = 0
//!
//!     def increment(self):
//!         with self._lock:          # the GIL does not make += atomic
//!             self._value += 1
//!
//!     def add_if_below(self, limit):
//!         with self._lock:          # check and act under one lock
//!             if self._value < limit:
//!                 self._value += 1
//!                 return True
//!             return False
//!
//!     def get(self):
//!         with self._lock:
//!             return self._value
//! ```

use exercises::prelude::*;

/// A counter many threads update at once.
pub struct Counter<B: Backend> {
    value: AtomicU64<B>,
}

impl<B: Backend> Counter<B> {
    /// A counter at zero.
    pub fn new() -> Self {
        Self {
            value: AtomicU64::new(0),
        }
    }

    /// Adds one; no increment may be lost.
    pub fn increment(&self) {
        // Relaxed: the count publishes no other data; the read-modify-write
        // itself is atomic in every ordering, which is all we need here.
        self.value.fetch_add(1, Ordering::Relaxed);
    }

    /// Adds one if the count is below `limit`; returns whether it did.
    pub fn add_if_below(&self, limit: u64) -> bool {
        // Relaxed, as above: only the value itself is shared.
        let mut current = self.value.load(Ordering::Relaxed);
        while current < limit {
            match self.value.compare_exchange(
                current,
                current + 1,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(seen) => current = seen,
            }
        }
        false
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        // Relaxed: callers that need the final count join the writers first.
        self.value.load(Ordering::Relaxed)
    }
}
