//! Wrong: `try_recv` and `recv` load the ready flag with `Relaxed`, one
//! step weaker than `Acquire`. `send`'s `Release` store has nothing to
//! pair with: a receiver may read `ready == true` and then the slot's old
//! 0 (`load(Relaxed) -> 0` in loom's step table). Only loom explores that
//! outcome.

use exercises::prelude::*;

/// A channel for one value, built on two atomics.
pub struct OneShot<B: Backend> {
    value: AtomicU64<B>,
    ready: AtomicBool<B>,
}

impl<B: Backend> OneShot<B> {
    /// An empty channel.
    pub fn new() -> Self {
        Self {
            value: AtomicU64::new(0),
            ready: AtomicBool::new(false),
        }
    }

    /// Sends `value`. Call it at most once.
    pub fn send(&self, value: u64) {
        // Relaxed: the Release store of `ready` below publishes this write.
        self.value.store(value, Ordering::Relaxed);
        // Release: pairs with the receivers' Acquire loads of `ready`, so a
        // receiver that sees `true` sees the value store above. Relaxed
        // would publish the flag alone.
        self.ready.store(true, Ordering::Release);
    }

    /// The value, if it has been sent.
    pub fn try_recv(&self) -> Option<u64> {
        // Relaxed: the bug. Reading `true` orders nothing after it.
        if self.ready.load(Ordering::Relaxed) {
            // Relaxed: ordered after the value store by the Acquire above.
            Some(self.value.load(Ordering::Relaxed))
        } else {
            None
        }
    }

    /// Waits (spinning) for the value and returns it.
    pub fn recv(&self) -> u64 {
        // Relaxed: the bug, as in `try_recv`.
        while !self.ready.load(Ordering::Relaxed) {
            // Not sent yet: let the sender run (loom requires a yield).
            yield_now::<B>();
        }
        // Relaxed: ordered after the value store by the Acquire above.
        self.value.load(Ordering::Relaxed)
    }
}
