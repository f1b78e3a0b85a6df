//! The smallest piece of a lock-free ring the zoo's ring bugs need: one
//! slot, the tail counter that claims it, and its sequence number. Written
//! out in full (rather than taken from the executor's `Ring`) so each bug
//! can get one step wrong.

use executor::sync::{AtomicUsize, Backend, Ordering, UnsafeCell};

/// One slot at position 0.
pub(crate) struct MiniRing<B: Backend> {
    /// Positions claimed by producers.
    tail: AtomicUsize<B>,
    /// 0: empty, 1: full (position 0's value is written).
    seq: AtomicUsize<B>,
    value: UnsafeCell<B, Option<u64>>,
}

// SAFETY: the value is written by the producer that claimed position 0,
// before its sequence store, and read by main after it has seen that
// sequence: sound when the store releases and the load acquires, which
// the fixed twins do. The broken twins break exactly this, and the
// checkers report it.
unsafe impl<B: Backend> Sync for MiniRing<B> {}
// SAFETY: a counter, a sequence and a `u64` may move between threads.
unsafe impl<B: Backend> Send for MiniRing<B> {}

impl<B: Backend> MiniRing<B> {
    pub(crate) fn new() -> Self {
        Self {
            tail: AtomicUsize::new(0),
            seq: AtomicUsize::new(0),
            value: UnsafeCell::new(None),
        }
    }

    /// Claims position 0, writes `value`, then stores the sequence with
    /// `publish`.
    pub(crate) fn push(&self, value: u64, publish: Ordering) {
        // Relaxed: the claim publishes nothing (in the fixed ring).
        self.tail.fetch_add(1, Ordering::Relaxed);
        // SAFETY: position 0 is this producer's; see `MiniRing`.
        self.value.with_mut(|p| unsafe { *p = Some(value) });
        self.seq.store(1, publish);
    }

    /// Positions claimed so far.
    pub(crate) fn claimed(&self) -> usize {
        // Acquire: the strongest a load can do; it is still not enough,
        // because the claim comes before the write.
        self.tail.load(Ordering::Acquire)
    }

    /// Whether the sequence says position 0 is full.
    pub(crate) fn published(&self, observe: Ordering) -> bool {
        self.seq.load(observe) == 1
    }

    /// Reads the slot.
    pub(crate) fn read(&self) -> Option<u64> {
        // SAFETY: only after `published` (fixed) or `claimed` (broken)
        // said so; see `MiniRing`.
        self.value.with(|p| unsafe { *p })
    }
}
