//! # A spin lock: Acquire to take it, Release to give it back
//!
//! A lock is one word, `state`: `UNLOCKED` or `LOCKED`. Taking it is one
//! atomic step that changes `UNLOCKED` to `LOCKED` and fails if the word
//! was anything else (`compare_exchange`); while it fails, try again.
//! Giving it back stores `UNLOCKED`.
//!
//! Atomicity alone makes the word mutually exclusive. It does not make the
//! data the lock protects visible: on a weakly ordered CPU (ARM) or after
//! the compiler moves a write, the next owner can read the counter as it
//! was *before* the last owner's increment, and write back a stale value.
//! The orderings do that job: the unlock's `Release` store, read by the
//! next lock's `Acquire` compare-and-swap, makes everything the last
//! owner wrote visible to the next one.
//!
//! ## Your task
//! Implement `SpinLock`:
//! - `lock` spins until its `compare_exchange` succeeds, calling
//!   `yield_now::<B>()` on every turn (loom requires it, and it lets the
//!   owner run). Spin on `compare_exchange`, not on `swap`: a failed
//!   compare-and-swap writes nothing, while a `swap` on a held lock writes
//!   on every turn, and loom explores such a loop without end;
//! - `try_lock` takes the lock only if it is free, and says whether it did;
//! - `unlock` gives it back.
//!
//! The suite keeps a counter beside the lock as a `Relaxed` load and a
//! `Relaxed` store: only your orderings can keep an increment from being
//! lost. Justify each `Ordering` in a comment. Only loom explores weak
//! memory, so a too-weak ordering passes on real threads and under
//! shuttle and fails under loom.
//!
//! ## The Python 3.8 shape
//! ```python
//! class SpinLock:
//!     def lock(self) -> None: ...
//!     def try_lock(self) -> bool: ...
//!     def unlock(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check spinlock`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// The lock is free.
const UNLOCKED: usize = 0;
/// A thread holds the lock.
const LOCKED: usize = 1;

/// A lock that spins instead of sleeping.
pub struct SpinLock<B: Backend> {
    state: AtomicUsize<B>,
}

impl<B: Backend> SpinLock<B> {
    /// An unlocked lock.
    pub fn new() -> Self {
        Self {
            state: AtomicUsize::new(UNLOCKED),
        }
    }

    /// Takes the lock, spinning (and yielding) while another thread has it.
    pub fn lock(&self) {
        todo!("UNLOCKED to LOCKED in one atomic step; retry while it fails")
    }

    /// Takes the lock if it is free; returns whether it did.
    pub fn try_lock(&self) -> bool {
        todo!("one attempt of what lock does")
    }

    /// Gives the lock back. Only the owner calls it.
    pub fn unlock(&self) {
        todo!("store UNLOCKED so that the next owner sees what you wrote")
    }
}
// ANCHOR_END: skeleton
