//! # Reference counting, Arc-style
//!
//! Several holders share one value; the last one to let go frees it.
//! A counter says how many holders there are: `retain` adds one for a new
//! holder, `release` takes one away and tells the caller whether it was
//! the last. Then, and only then, the caller frees the value (here: reads
//! the final state every holder wrote, and checks it).
//!
//! The decrement is atomic, so exactly one holder sees the count reach
//! zero. That is not enough: the last holder must also see everything the
//! other holders wrote *before* their own `release`, or it frees (reads)
//! a value from before their last writes. Each `release` publishes with a
//! `Release` decrement; the last one must acquire all of them before it
//! frees: an `Acquire` fence (`B::fence(Ordering::Acquire)`) after its
//! decrement, or an `AcqRel` decrement. This is what `std::sync::Arc`'s
//! `Drop` does.
//!
//! ## Your task
//! Implement `retain` and `release`. Justify each `Ordering` in a
//! comment. A too-weak ordering passes on real threads and under shuttle;
//! loom rejects it.
//!
//! ## The Python 3.8 shape
//! ```python
//! class RefCount:
//!     def retain(self) -> None: ...
//!     def release(self) -> bool: ...   # True for the last holder
//! ```
//!
//! Grade with `cargo drill check ref_count`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// How many holders share a value.
pub struct RefCount<B: Backend> {
    holders: AtomicUsize<B>,
}

impl<B: Backend> RefCount<B> {
    /// A count of one: the creator holds the value.
    pub fn new() -> Self {
        Self {
            holders: AtomicUsize::new(1),
        }
    }

    /// Adds a holder. Only a current holder calls it (as `Arc::clone`).
    pub fn retain(&self) {
        todo!("one more holder")
    }

    /// Lets go of the value; returns `true` for the last holder, who may
    /// then free it and must see every write the others made before they
    /// let go.
    pub fn release(&self) -> bool {
        todo!("one holder fewer; the last one acquires what the others released")
    }
}
// ANCHOR_END: skeleton
