//! Wrong: `pop` loads `tail` with `Relaxed`, one step weaker than
//! `Acquire`. It can see a value counted and then read the slot from
//! before the producer wrote it: the slot's 0, or the value it held one
//! lap ago. Only loom explores that weak-memory outcome.

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
        // Relaxed: the bug. Seeing the new count orders nothing after it.
        let tail = self.tail.load(Ordering::Relaxed);
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
