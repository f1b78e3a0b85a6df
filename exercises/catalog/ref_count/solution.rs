//! # Reference counting, Arc-style: reference solution
//!
//! `release` decrements with `Release`, so each holder's writes happen
//! before its decrement. The decrements form one *release sequence* (each
//! is a read-modify-write of the last), so the last holder's decrement
//! reads a value that carries every earlier holder's release. An
//! `Acquire` fence after the decrement that saw 1 turns that into
//! synchronisation: every other holder's writes happen before the last
//! holder's reads. `Arc::drop` does the same (and puts the fence only on
//! the last holder's path, so the others pay nothing for it). Without the
//! fence, or with a `Relaxed` decrement, the last holder may read the
//! shared state from before another holder's final write: loom's step
//! table shows that holder's slot loaded as `load(Relaxed) -> 0`.
//!
//! ## In Python 3.8
//! CPython counts references for you (`sys.getrefcount`), under the GIL,
//! which also makes every access sequentially consistent: nothing to
//! order. For an explicit "last one out frees" the Python equivalent is a
//! counter under a `Lock`, whose release and acquire do what the fence
//! does here:
//! ```python
//! import threading
//!
//! class RefCount:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._holders = 1
//!
//!     def retain(self):
//!         with self._lock:
//!             self._holders += 1
//!
//!     def release(self):
//!         with self._lock:
//!             self._holders -= 1
//!             return self._holders == 0
//! ```

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
        // Acquire: synchronises with every earlier Release decrement this
        // one's release sequence carries, so the others' writes are
        // visible before we free. Only the last holder pays for it.
        B::fence(Ordering::Acquire);
        true
    }
}
