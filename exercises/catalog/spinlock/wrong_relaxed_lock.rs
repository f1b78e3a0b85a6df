//! Wrong: `lock` takes the word with a `Relaxed` compare-and-swap, one
//! step weaker than `Acquire`. The word stays mutually exclusive (the
//! compare-and-swap is still atomic), but the new owner does not
//! synchronise with the last one's `Release` store: it may load the
//! counter from before the last increment and store that plus one. Real
//! x86 threads and shuttle (which is sequentially consistent) never show
//! it; loom does.

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
        // Relaxed: the bug. This compare-and-swap reads `unlock`'s store
        // but synchronises with nothing, so the last owner's writes need
        // not be visible yet.
        while self
            .state
            .compare_exchange(UNLOCKED, LOCKED, Ordering::Relaxed, Ordering::Relaxed)
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
        // Release: pairs with the Acquire compare-and-swap of the next
        // `lock` or `try_lock`, publishing every write made while we held
        // the lock. Relaxed would publish only the word, not the data.
        self.state.store(UNLOCKED, Ordering::Release);
    }
}
