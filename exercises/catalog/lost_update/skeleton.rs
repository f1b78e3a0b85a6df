//! # Lost update: a counter shared by threads
//!
//! `count += 1` is three steps: read the value, add one, write it back. Two
//! threads that both read 5 both write 6, and one increment is gone. The
//! compiler cannot stop this in Rust either: with atomics, a `load`
//! followed by a `store` compiles fine and is still a race.
//!
//! ## Your task
//! Implement `Counter` so that, however many threads call it at once:
//! - `increment` never loses an increment;
//! - `add_if_below(limit)` adds one only while the count is below `limit`,
//!   and says whether it did: two threads racing for the last slot under
//!   the limit must not both get it (check-then-act).
//!
//! Use one atomic read-modify-write per operation (`fetch_add`,
//! `compare_exchange`) or a `Mutex`. Justify each `Ordering` you pick.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Counter:
//!     def __init__(self): ...
//!     def increment(self) -> None: ...
//!     def add_if_below(self, limit: int) -> bool: ...
//!     def get(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check lost_update`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("add one in a single atomic step")
    }

    /// Adds one if the count is below `limit`; returns whether it did.
    pub fn add_if_below(&self, limit: u64) -> bool {
        todo!("check and add in one atomic step")
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        todo!()
    }
}
// ANCHOR_END: skeleton
