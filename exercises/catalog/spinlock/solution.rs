//! # A spin lock: reference solution
//!
//! `compare_exchange(UNLOCKED, LOCKED, ..)` checks and sets the word in one
//! step, so two threads cannot both take a free lock: that is mutual
//! exclusion. The orderings make the lock protect data as well as itself.
//! `unlock` stores `UNLOCKED` with `Release`; the next `lock` reads that
//! store with an `Acquire` compare-and-swap, so the release *synchronises
//! with* the acquire and every write of the last owner (the counter's
//! store) happens before every read of the next owner (its load). With
//! `Relaxed` on either side nothing orders the counter: the next owner may
//! load the value from before the last increment and store it back plus
//! one, losing an increment.
//!
//! The loop spins on `compare_exchange`, not on `swap`: a failed
//! compare-and-swap writes nothing, so a waiting thread leaves the word
//! (and its cache line) alone, and loom sees a thread that waits rather
//! than one that keeps writing.
//!
//! ## In Python 3.8
//! CPython gives you nothing to spin on and no orderings to choose: the GIL
//! makes every bytecode's memory access sequentially consistent, so there
//! is no stale read to guard against, and a spin loop would only burn the
//! GIL the owner needs. Use a `Lock`:
//! ```python
//! import threading
//!
//! lock = threading.Lock()
//! count = 0
//!
//! def increment():
//!     global count
//!     with lock:                # acquire() blocks; release() on exit
//!         count += 1
//! ```

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
        // Release: pairs with the Acquire compare-and-swap of the next
        // `lock` or `try_lock`, publishing every write made while we held
        // the lock. Relaxed would publish only the word, not the data.
        self.state.store(UNLOCKED, Ordering::Release);
    }
}
