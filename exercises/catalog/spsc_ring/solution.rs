//! # A single-producer single-consumer ring: reference solution
//!
//! Each side loads its own counter `Relaxed` (it is the only writer, and a
//! thread always sees its own last write) and the other side's `Acquire`,
//! and publishes its own with `Release` after touching the slot:
//!
//! - `tail`: the producer writes the slot, then stores `tail + 1` with
//!   `Release`; the consumer loads `tail` with `Acquire`, so when it sees
//!   the new count it also sees the slot's new value. With `Relaxed` on
//!   either side the consumer may read the slot's old contents (loom's step
//!   table: `load(Relaxed) -> 0` on a slot, after the tail load).
//! - `head`: the consumer reads the slot, then stores `head + 1` with
//!   `Release`; the producer loads `head` with `Acquire` before reusing
//!   the slot, so the consumer's read happens before the overwrite. Without
//!   it, a weakly ordered CPU may let the consumer's read see the *newer*
//!   value. That is a "load buffering" outcome, a read of a write that
//!   comes later, which loom does not model: loom cannot show this pair's
//!   need, but ARM and POWER can.
//!
//! ## In Python 3.8
//! The GIL makes every access sequentially consistent, so a Python
//! version of this ring has no ordering to get wrong; it would spin on the
//! GIL, though, and nobody writes one. The Python equivalent is a bounded
//! `queue.Queue`, whose lock and conditions block instead of spinning:
//! ```python
//! import queue
//!
//! ring = queue.Queue(maxsize=2)
//! ring.put_nowait(value)        # raises queue.Full instead of returning False
//! value = ring.get_nowait()     # raises queue.Empty instead of returning None
//! ```

use exercises::prelude::*;

/// How many values the ring holds.
pub const CAPACITY: usize = 2;

/// A ring for one producer thread and one consumer thread.
pub struct Ring<B: Backend> {
    slots: [AtomicU64<B>; CAPACITY],
    /// Values popped so far; written only by the consumer.
    head: AtomicUsize<B>,
    /// Values pushed so far; written only by the producer.
    tail: AtomicUsize<B>,
}

impl<B: Backend> Ring<B> {
    /// An empty ring.
    pub fn new() -> Self {
        Self {
            slots: std::array::from_fn(|_| AtomicU64::new(0)),
            head: AtomicUsize::new(0),
            tail: AtomicUsize::new(0),
        }
    }

    /// Appends `value`, or returns `false` if the ring is full. Only the
    /// producer calls it.
    pub fn push(&self, value: u64) -> bool {
        // Relaxed: only this thread writes `tail`, and it sees its own writes.
        let tail = self.tail.load(Ordering::Relaxed);
        // Acquire: pairs with `pop`'s Release store of `head`, so the
        // consumer's read of the slot we may reuse happens before our write.
        let head = self.head.load(Ordering::Acquire);
        if tail.wrapping_sub(head) == CAPACITY {
            return false;
        }
        // Relaxed: the Release store of `tail` below publishes it.
        self.slots[tail % CAPACITY].store(value, Ordering::Relaxed);
        // Release: pairs with `pop`'s Acquire load of `tail`: a consumer
        // that sees the new count sees the slot write above. Relaxed would
        // publish the count without the value.
        self.tail.store(tail.wrapping_add(1), Ordering::Release);
        true
    }

    /// Takes the oldest value, or `None` if the ring is empty. Only the
    /// consumer calls it.
    pub fn pop(&self) -> Option<u64> {
        // Relaxed: only this thread writes `head`.
        let head = self.head.load(Ordering::Relaxed);
        // Acquire: pairs with `push`'s Release store of `tail`, so the slot
        // write before it is visible below. Relaxed could read the new
        // count and then the slot's old value.
        let tail = self.tail.load(Ordering::Acquire);
        if head == tail {
            return None;
        }
        // Relaxed: ordered after the slot write by the Acquire above.
        let value = self.slots[head % CAPACITY].load(Ordering::Relaxed);
        // Release: pairs with `push`'s Acquire load of `head`: our read of
        // the slot happens before the producer reuses it.
        self.head.store(head.wrapping_add(1), Ordering::Release);
        Some(value)
    }
}
