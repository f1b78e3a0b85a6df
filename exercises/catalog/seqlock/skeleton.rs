//! # A sequence lock: readers that never block the writer
//!
//! One writer updates a pair of values; readers copy the pair without
//! taking any lock. A sequence counter `seq` says whether a write is under
//! way: the writer makes it odd before it writes and even again after.
//! A reader loads `seq`, copies the pair, loads `seq` again, and keeps the
//! copy only if both loads saw the same even number; otherwise a write
//! overlapped and it tries again. Readers never make the writer wait.
//!
//! The orderings are the whole difficulty, and none of them is a simple
//! store-then-flag pairing:
//! - The writer's final `seq` store (even) publishes the pair: `Release`,
//!   read by the reader's first `Acquire` load.
//! - The writer's odd store must be visible to any reader that saw one of
//!   the new values: a `Release` fence (`B::fence(Ordering::Release)`)
//!   between the odd store and the data stores.
//! - The reader's second load of `seq` must not be satisfied before its
//!   data loads: an `Acquire` fence between them.
//!
//! ## Your task
//! Implement `write` (one writer thread only) and `read`, which returns a
//! pair exactly as some `write` (or `new`) wrote it, never half of one and
//! half of another. Keep the pair's own accesses `Relaxed`; a reader that
//! sees an odd `seq` calls `yield_now::<B>()` before it tries again (loom
//! requires it). Justify each `Ordering` in a comment. A too-weak
//! ordering passes on real threads and under shuttle; loom rejects it.
//!
//! ## The Python 3.8 shape
//! ```python
//! class SeqLock:
//!     def write(self, a: int, b: int) -> None: ...
//!     def read(self) -> Tuple[int, int]: ...
//! ```
//!
//! Grade with `cargo drill check seqlock`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// A pair one writer updates and many readers copy without a lock.
pub struct SeqLock<B: Backend> {
    /// Even: the pair is stable; odd: a write is under way.
    seq: AtomicU64<B>,
    a: AtomicU64<B>,
    b: AtomicU64<B>,
}

impl<B: Backend> SeqLock<B> {
    /// A lock holding the pair `(a, b)`.
    pub fn new(a: u64, b: u64) -> Self {
        Self {
            seq: AtomicU64::new(0),
            a: AtomicU64::new(a),
            b: AtomicU64::new(b),
        }
    }

    /// Replaces the pair. Only one thread ever writes.
    pub fn write(&self, a: u64, b: u64) {
        todo!("seq odd, a Release fence, the pair, then seq even with Release")
    }

    /// A copy of the pair, never torn between two writes.
    pub fn read(&self) -> (u64, u64) {
        todo!("seq (Acquire, even), the pair, an Acquire fence, seq again; retry if it moved")
    }
}
// ANCHOR_END: skeleton
