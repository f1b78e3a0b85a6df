//! Wrong: `release` decrements with `Relaxed`, one step weaker than
//! `Release`. The last holder's `Acquire` fence synchronises only with
//! releases, and there are none: it can free the value before another
//! holder's final write is visible. Only loom explores that outcome.

use exercises::prelude::*;

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
        // Relaxed: the caller is a holder, so the count stays above zero
        // meanwhile, and a new holder publishes nothing (as `Arc::clone`).
        self.holders.fetch_add(1, Ordering::Relaxed);
    }

    /// Lets go of the value; returns `true` for the last holder, who may
    /// then free it and must see every write the others made before they
    /// let go.
    pub fn release(&self) -> bool {
        // Relaxed: the bug. The decrement carries no writes with it, so
        // the last holder's fence has nothing to acquire.
        if self.holders.fetch_sub(1, Ordering::Relaxed) != 1 {
            return false;
        }
        // Acquire: synchronises with every earlier Release decrement this
        // one's release sequence carries, so the others' writes are
        // visible before we free. Only the last holder pays for it.
        B::fence(Ordering::Acquire);
        true
    }
}
