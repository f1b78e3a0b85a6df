//! Wrong: `push` stores `tail` with `Relaxed`, one step weaker than
//! `Release`. The consumer's `Acquire` load of `tail` has no release to
//! pair with, so it can see the new count and then read the slot's old
//! value. Only loom explores that weak-memory outcome.

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
        // Relaxed: the bug. The count is published, the slot write is not.
        self.tail.store(tail.wrapping_add(1), Ordering::Relaxed);
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
