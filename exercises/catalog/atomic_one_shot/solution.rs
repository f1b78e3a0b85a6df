//! # A one-shot channel on two atomics: reference solution
//!
//! `send` stores the value, then stores `ready = true` with `Release`; a
//! receiver loads `ready` with `Acquire`. When that load reads `true` it
//! reads the release store, so the store synchronises with the load and
//! the value store, sequenced before the flag store, happens before the
//! value load, sequenced after the flag load: the receiver cannot see the
//! slot's old 0. The slot itself is `Relaxed` everywhere: the flag orders
//! it. With `Relaxed` on either side of the flag, the receiver may see the
//! flag and still load 0: loom's step table shows `load(Relaxed) -> 0`.
//!
//! ## In Python 3.8
//! CPython makes every attribute access sequentially consistent (the GIL),
//! so `self.value = v; self.ready = True` could never be seen the wrong
//! way round; but spinning on a flag wastes the GIL the sender needs. The
//! Python equivalent blocks on an `Event`:
//! ```python
//! import threading
//!
//! class OneShot:
//!     def __init__(self):
//!         self._ready = threading.Event()
//!         self._value = None
//!
//!     def send(self, value):
//!         self._value = value
//!         self._ready.set()          # wakes every waiter
//!
//!     def try_recv(self):
//!         return self._value if self._ready.is_set() else None
//!
//!     def recv(self):
//!         self._ready.wait()
//!         return self._value
//! ```

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
