//! # A sequence lock: reference solution
//!
//! A reader keeps a copy only if `seq` was the same even number before and
//! after it: then no write overlapped its copy, *provided* the orderings
//! tie the two `seq` loads to the data loads between them:
//!
//! - If the reader's first load reads the even value a write stored last
//!   (`Release`, read with `Acquire`), that write's data stores happen
//!   before the reader's data loads: it cannot see older values.
//! - If a data load reads a value from a later write, the writer's
//!   `Release` fence (after its odd store, before its data stores) and the
//!   reader's `Acquire` fence (after its data loads) synchronise, so the
//!   odd store happens before the reader's second `seq` load, which then
//!   cannot return the even value of the first: the reader retries.
//!
//! Drop either fence, or weaken either `seq` pairing to `Relaxed`, and a
//! reader can keep a torn pair, `a` from one write and `b` from another:
//! loom's step table shows one data `load(Relaxed)` returning the new
//! value and the other the old.
//!
//! ## In Python 3.8
//! The GIL makes each access sequentially consistent and no reader runs
//! in parallel with the writer, so the Python version is a plain lock;
//! CPython has no way to let readers proceed without one. To avoid tearing,
//! replace the pair as one object (assignment of a tuple is atomic):
//! ```python
//! import threading
//!
//! class SeqLock:
//!     def __init__(self, a, b):
//!         self._pair = (a, b)      # one reference: replaced in one step
//!
//!     def write(self, a, b):
//!         self._pair = (a, b)
//!
//!     def read(self):
//!         return self._pair
//! ```

use exercises::prelude::*;

/// A pair one writer updates and many readers copy without a lock.
pub struct SeqLock<B: Backend> {
    /// Even: the pair is stable; odd: a write is under way.
    seq: AtomicU64<B>,
    a: AtomicU64<B>,
    b: AtomicU64<B>,
}

impl<B: Backend> SeqLock<B> {
    /// A lock holding the pair `(a, b)`.
    pub fn new(a: u64, b: u64) -> Self {
        Self {
            seq: AtomicU64::new(0),
            a: AtomicU64::new(a),
            b: AtomicU64::new(b),
        }
    }

    /// Replaces the pair. Only one thread ever writes.
    pub fn write(&self, a: u64, b: u64) {
        // Relaxed: only this thread writes `seq`; it sees its own stores.
        let seq = self.seq.load(Ordering::Relaxed);
        // Relaxed: the fence below orders this odd store before the data.
        self.seq.store(seq + 1, Ordering::Relaxed);
        // Release fence: a reader whose data load reads one of the stores
        // below, and that then runs its Acquire fence, sees the odd store
        // above, so its second `seq` load cannot return the old even value.
        B::fence(Ordering::Release);
        // Relaxed: the fence above and the Release store below order them.
        self.a.store(a, Ordering::Relaxed);
        self.b.store(b, Ordering::Relaxed);
        // Release: pairs with the reader's Acquire load of `seq`: a reader
        // that reads this even value sees the whole pair above.
        self.seq.store(seq + 2, Ordering::Release);
    }

    /// A copy of the pair, never torn between two writes.
    pub fn read(&self) -> (u64, u64) {
        loop {
            // Acquire: pairs with the writer's final Release store, so the
            // pair written before it is visible to the loads below.
            let before = self.seq.load(Ordering::Acquire);
            if before % 2 == 1 {
                yield_now::<B>(); // a write is under way: let it finish
                continue;
            }
            // Relaxed: the Acquire load above and the fence below order them.
            let a = self.a.load(Ordering::Relaxed);
            let b = self.b.load(Ordering::Relaxed);
            // Acquire fence: pairs with the writer's Release fence, so if
            // a load above read a newer write's value, the second `seq`
            // load below sees that write's odd store (or later).
            B::fence(Ordering::Acquire);
            // Relaxed: the fence above orders it after the data loads.
            let after = self.seq.load(Ordering::Relaxed);
            if before == after {
                return (a, b);
            }
            yield_now::<B>(); // a write overlapped the copy: try again
        }
    }
}
