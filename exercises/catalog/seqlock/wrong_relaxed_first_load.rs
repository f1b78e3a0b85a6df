//! Wrong: the reader's first `seq` load is `Relaxed`, one step weaker
//! than `Acquire`. It can read the even value of a finished write and then
//! an old value of one half of the pair: the second `seq` load matches,
//! and the torn pair is kept. Only loom explores that outcome.

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
            // Relaxed: the bug. Reading the new even value orders nothing.
            let before = self.seq.load(Ordering::Relaxed);
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
