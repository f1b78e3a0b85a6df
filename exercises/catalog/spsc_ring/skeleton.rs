//! # A single-producer single-consumer ring buffer
//!
//! A fixed array of slots and two counters that only grow: `tail` counts
//! the values pushed, `head` the values popped; slot `i % CAPACITY` holds
//! value number `i`. `tail - head` is how many are queued. Exactly one
//! thread pushes and exactly one pops, so each counter has one writer: the
//! producer owns `tail`, the consumer owns `head`. No lock, no
//! compare-and-swap: each side reads the other's counter to see how far it
//! may go, and publishes its own.
//!
//! Each counter hands something over. The producer's `tail` says "the
//! slot below me holds a value": store it with `Release` after writing
//! the slot, and the consumer must load it with `Acquire` before reading
//! the slot. The consumer's `head` says "I have read that slot; you may
//! reuse it": the same pairing, the other way round.
//!
//! ## Your task
//! Implement `push` (returns `false` when the ring is full) and `pop`
//! (returns `None` when it is empty). Keep the slots' own accesses
//! `Relaxed`, and justify each `Ordering` in a comment. A too-weak
//! ordering passes on real threads and under shuttle; loom rejects it.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Ring:
//!     def push(self, value: int) -> bool: ...
//!     def pop(self) -> Optional[int]: ...
//! ```
//!
//! Grade with `cargo drill check spsc_ring`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!(
            "read both counters; if there is room, fill slot tail % CAPACITY, then publish tail + 1"
        )
    }

    /// Takes the oldest value, or `None` if the ring is empty. Only the
    /// consumer calls it.
    pub fn pop(&self) -> Option<u64> {
        todo!(
            "read both counters; if a value is there, read slot head % CAPACITY, then publish head + 1"
        )
    }
}
// ANCHOR_END: skeleton
