//! Wrong: `unlock` stores `UNLOCKED` with `Relaxed`, one step weaker than
//! `Release`. The next owner's `Acquire` compare-and-swap reads the store,
//! but an acquire synchronises only with a release: the last owner's
//! counter store need not be visible, and an increment is lost. Only loom
//! explores that weak-memory outcome.

use exercises::prelude::*;

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
        // Acquire on success: the compare-and-swap that reads `unlock`'s
        // Release store synchronises with it, so the last owner's writes
        // are visible here; Relaxed would let us read the protected data
        // from before them. Relaxed on failure: a failed attempt takes
        // nothing and reads nothing protected.
        while self
            .state
            .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            yield_now::<B>(); // held: let the owner run (loom requires it)
        }
    }

    /// Takes the lock if it is free; returns whether it did.
    pub fn try_lock(&self) -> bool {
        // Acquire on success, as in `lock`: a successful attempt must see
        // the last owner's writes just as `lock` does. Relaxed on failure:
        // the caller gets nothing to read.
        self.state
            .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
    }

    /// Gives the lock back. Only the owner calls it.
    pub fn unlock(&self) {
        // Relaxed: the bug. The store publishes the word and nothing
        // else, so the next owner's Acquire has no Release to pair with.
        self.state.store(UNLOCKED, Ordering::Relaxed);
    }
}
