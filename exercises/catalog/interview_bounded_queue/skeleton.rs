//! # Interview drill: a bounded blocking queue (20 minutes)
//!
//! A bounded queue is the spine of every producer-consumer design: when it
//! is full, producers wait (or are turned away) instead of piling up work
//! in memory; when it is empty, consumers sleep instead of spinning. The
//! hard parts are the wake-ups: every wait must re-check its condition,
//! every state change must wake whoever might now proceed, and `close`
//! must wake *everybody*, or a thread sleeps forever.
//!
//! ## Your task
//! Implement `BoundedQueue<B, T>` holding at most `capacity` items (at
//! least 1), first in, first out:
//! - `put(item)` blocks while the queue is full; `Err(item)` if the queue
//!   is (or becomes, while it waits) closed;
//! - `try_put(item)` never blocks: `Err(item)` when full or closed;
//! - `put_timeout(item, timeout)` waits at most `timeout` for room;
//!   `Err(item)` on timeout or close. A zero timeout on a full queue fails
//!   at once, like `try_put` (measure time with `B::now()`);
//! - `take()` blocks while the queue is empty and open; returns the oldest
//!   item, or `None` once the queue is closed **and** drained;
//! - `close()` refuses new items and wakes every blocked producer and
//!   consumer; items already queued can still be taken;
//! - `len()` is the current number of items (only a hint to other threads).
//!
//! Done means: no item lost or duplicated, FIFO order, never more than
//! `capacity` items, nobody asleep after `close`, and no wake-up that
//! reaches the wrong kind of waiter. Wake-ups may be spurious.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import Generic, Optional, TypeVar
//! T = TypeVar("T")
//!
//! class Closed(Exception): ...
//!
//! class BoundedQueue(Generic[T]):
//!     def __init__(self, capacity: int) -> None: ...
//!     def put(self, item: T) -> None: ...             # raises Closed
//!     def try_put(self, item: T) -> bool: ...
//!     def put_timeout(self, item: T, timeout: float) -> bool: ...
//!     def take(self) -> Optional[T]: ...              # None: closed and drained
//!     def close(self) -> None: ...
//!     def __len__(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check interview_bounded_queue`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A FIFO queue of at most `capacity` items shared by producers and consumers.
pub struct BoundedQueue<B: Backend, T: Send> {
    state: Mutex<B, State<T>>,
    not_empty: Condvar<B>,
    not_full: Condvar<B>,
}

struct State<T> {
    items: VecDeque<T>,
    capacity: usize,
    closed: bool,
}

impl<B: Backend, T: Send> BoundedQueue<B, T> {
    /// An open, empty queue of `capacity` (at least 1) items.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a queue needs room for one item");
        Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                capacity,
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    /// Appends `item`, waiting while the queue is full; `Err(item)` if closed.
    pub fn put(&self, item: T) -> Result<(), T> {
        todo!("wait while full and open, then push and wake a consumer")
    }

    /// Appends `item` only if there is room now; `Err(item)` if full or closed.
    pub fn try_put(&self, item: T) -> Result<(), T> {
        todo!()
    }

    /// As `put`, giving up after `timeout`; `Err(item)` on timeout or close.
    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), T> {
        todo!("a deadline from B::now(), then wait_timeout for what is left")
    }

    /// The oldest item, waiting while empty and open; `None` once closed
    /// and drained.
    pub fn take(&self) -> Option<T> {
        todo!()
    }

    /// Refuses new items and wakes every waiter.
    pub fn close(&self) {
        todo!()
    }

    /// The number of items queued right now.
    pub fn len(&self) -> usize {
        todo!()
    }
}
// ANCHOR_END: skeleton
