//! # Bounded blocking queue: producer-consumer with backpressure
//!
//! A bounded queue decouples producers from consumers and pushes back when
//! consumers fall behind: `put` blocks while the queue is full, `take`
//! blocks while it is empty. Two conditions, two kinds of waiter. With one
//! condition variable and `notify_one`, a producer can wake another
//! producer instead of a consumer, which goes back to sleep, and the wake-up
//! is lost. Two condition variables (`not_full`, `not_empty`) make each
//! notify reach a thread that can use it.
//!
//! ## Your task
//! Implement `BoundedQueue` so that, however many producers and consumers
//! run at once:
//! - `put` blocks while the queue holds `capacity` items; `len()` never
//!   exceeds `capacity`;
//! - `take` blocks while the queue is empty, and returns items in FIFO
//!   order: nothing lost, nothing duplicated;
//! - every blocked thread is woken when it can proceed (no thread sleeps
//!   forever while the other side has made room or put an item);
//! - spurious wake-ups change nothing.
//!
//! ## The Python 3.8 shape
//! ```python
//! class BoundedQueue:
//!     def __init__(self, capacity: int): ...
//!     def put(self, item) -> None: ...
//!     def take(self): ...
//!     def __len__(self) -> int: ...
//! ```
//! (`queue.Queue(maxsize)` is the library version; write it yourself with
//! `threading.Condition`.)
//!
//! Grade with `cargo drill check bounded_queue`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A FIFO queue of at most `capacity` items, blocking on both ends.
pub struct BoundedQueue<B: Backend, T: Send> {
    capacity: usize,
    items: Mutex<B, VecDeque<T>>,
    not_full: Condvar<B>,
    not_empty: Condvar<B>,
}

impl<B: Backend, T: Send> BoundedQueue<B, T> {
    /// An empty queue; `capacity` must be at least 1.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a queue of capacity 0 can never take an item");
        Self {
            capacity,
            items: Mutex::new(VecDeque::new()),
            not_full: Condvar::new(),
            not_empty: Condvar::new(),
        }
    }

    /// Appends `item`, waiting while the queue is full.
    pub fn put(&self, item: T) {
        todo!("wait on not_full while full, push, wake a consumer")
    }

    /// Removes the oldest item, waiting while the queue is empty.
    pub fn take(&self) -> T {
        todo!("wait on not_empty while empty, pop, wake a producer")
    }

    /// How many items are queued now.
    pub fn len(&self) -> usize {
        todo!()
    }
}
// ANCHOR_END: skeleton
