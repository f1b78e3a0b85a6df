//! Wrong: `send` stores the ready flag with `Relaxed`, one step weaker
//! than `Release`. The receivers' `Acquire` loads have no release to
//! synchronise with, so a receiver can read `ready == true` and then the
//! slot's old 0. x86 never reorders two stores and shuttle is sequentially
//! consistent, so only loom shows it.

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
        // Relaxed: the bug. The flag is published, the value is not.
        self.ready.store(true, Ordering::Relaxed);
    }

    /// The value, if it has been sent.
    pub fn try_recv(&self) -> Option<u64> {
        // Acquire: pairs with the Release store in `send`; reading `true`
        // makes the value store visible. Relaxed could read `true` and
        // then the slot's old 0.
        if self.ready.load(Ordering::Acquire) {
            // Relaxed: ordered after the value store by the Acquire above.
            Some(self.value.load(Ordering::Relaxed))
        } else {
            None
        }
    }

    /// Waits (spinning) for the value and returns it.
    pub fn recv(&self) -> u64 {
        // Acquire, as in `try_recv`: the load that finally reads `true`
        // must synchronise with `send`'s Release store.
        while !self.ready.load(Ordering::Acquire) {
            // Not sent yet: let the sender run (loom requires a yield).
            yield_now::<B>();
        }
        // Relaxed: ordered after the value store by the Acquire above.
        self.value.load(Ordering::Relaxed)
    }
}
