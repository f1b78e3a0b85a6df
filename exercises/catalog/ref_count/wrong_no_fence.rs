//! Wrong: the last holder frees without an `Acquire` fence (or an
//! `AcqRel` decrement). The other holders' `Release` decrements are never
//! acquired, so the last holder may read the shared state from before
//! their final writes. Only loom explores that outcome.

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
        // Release: this holder's writes happen before its decrement, which
        // the last holder's fence acquires. Relaxed would hand over the
        // count without the writes.
        if self.holders.fetch_sub(1, Ordering::Release) != 1 {
            return false;
        }
        // The bug: no Acquire fence. The others' Release decrements have
        // nothing to synchronise with, so their writes may not be visible.
        true
    }
}
