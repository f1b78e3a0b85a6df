//! # Bounded blocking queue: reference solution
//!
//! Each side waits in a loop on its own condition variable (`wait_while`),
//! so a spurious wake-up or an item stolen by a faster consumer just sends
//! it back to sleep. After a `put` only consumers can make progress, so it
//! notifies `not_empty`; after a `take` only producers can, so it notifies
//! `not_full`. Because producers and consumers never share a condition
//! variable, `notify_one` always wakes a thread of the kind that can use
//! the change; and one change (one item, or one free slot) lets exactly
//! one thread proceed, so one wake-up is enough.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//!
//! class BoundedQueue:
//!     def __init__(self, capacity):
//!         self._capacity = capacity
//!         self._items = collections.deque()
//!         lock = threading.Lock()
//!         self._not_full = threading.Condition(lock)    # two conditions,
//!         self._not_empty = threading.Condition(lock)   # one lock
//!
//!     def put(self, item):
//!         with self._not_full:
//!             while len(self._items) >= self._capacity:
//!                 self._not_full.wait()
//!             self._items.append(item)
//!             self._not_empty.notify()
//!
//!     def take(self):
//!         with self._not_empty:
//!             while not self._items:
//!                 self._not_empty.wait()
//!             item = self._items.popleft()
//!             self._not_full.notify()
//!             return item
//!
//!     def __len__(self):
//!         with self._not_full:
//!             return len(self._items)
//! ```

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
        let mut items = self
            .not_full
            .wait_while(self.items.lock(), |items| items.len() >= self.capacity);
        items.push_back(item);
        drop(items);
        self.not_empty.notify_one();
    }

    /// Removes the oldest item, waiting while the queue is empty.
    pub fn take(&self) -> T {
        let mut items = self.not_empty.wait_while(self.items.lock(), |items| items.is_empty());
        let item = items.pop_front().expect("wait_while saw an item");
        drop(items);
        self.not_full.notify_one();
        item
    }

    /// How many items are queued now: only a hint, stale as soon as the
    /// lock is released (Python's `qsize()`).
    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    /// Whether the queue is empty now: a hint too (Python's `empty()`).
    pub fn is_empty(&self) -> bool {
        self.items.lock().is_empty()
    }
}
