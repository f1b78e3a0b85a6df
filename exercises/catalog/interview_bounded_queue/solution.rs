//! # Interview drill: a bounded blocking queue, reference solution
//!
//! One mutex guards the items and the `closed` flag; two condition
//! variables separate the two kinds of waiter. Consumers wait on
//! `not_empty`, producers on `not_full`, so a `notify_one` after a push can
//! only reach a consumer and one after a take only a producer: each state
//! change frees exactly one waiter of the right kind. Every wait sits in a
//! loop that re-checks its condition (spurious and stolen wake-ups), and
//! `close` uses `notify_all` on both, because *every* waiter must now
//! return. The timed put keeps a deadline and waits only for what is left
//! of it, so a zero timeout never waits at all.
//!
//! ## In Python 3.8
//! ```python
//! import collections
//! import threading
//! import time
//!
//! class Closed(Exception):
//!     pass
//!
//! class BoundedQueue:
//!     def __init__(self, capacity):
//!         self._items = collections.deque()
//!         self._capacity = capacity
//!         self._closed = False
//!         self._lock = threading.Lock()
//!         self._not_empty = threading.Condition(self._lock)
//!         self._not_full = threading.Condition(self._lock)
//!
//!     def put(self, item):
//!         with self._lock:
//!             while len(self._items) >= self._capacity and not self._closed:
//!                 self._not_full.wait()
//!             if self._closed:
//!                 raise Closed()
//!             self._items.append(item)
//!             self._not_empty.notify()
//!
//!     def try_put(self, item):
//!         return self.put_timeout(item, 0.0)
//!
//!     def put_timeout(self, item, timeout):
//!         deadline = time.monotonic() + timeout
//!         with self._lock:
//!             while len(self._items) >= self._capacity and not self._closed:
//!                 left = deadline - time.monotonic()
//!                 if left <= 0:
//!                     return False
//!                 self._not_full.wait(left)
//!             if self._closed:
//!                 return False
//!             self._items.append(item)
//!             self._not_empty.notify()
//!             return True
//!
//!     def take(self):
//!         with self._lock:
//!             while not self._items and not self._closed:
//!                 self._not_empty.wait()
//!             if not self._items:
//!                 return None           # closed and drained
//!             item = self._items.popleft()
//!             self._not_full.notify()
//!             return item
//!
//!     def close(self):
//!         with self._lock:
//!             self._closed = True
//!             self._not_empty.notify_all()
//!             self._not_full.notify_all()
//!
//!     def __len__(self):
//!         with self._lock:
//!             return len(self._items)
//! ```

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

impl<T> State<T> {
    fn full(&self) -> bool {
        self.items.len() >= self.capacity
    }
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
        let mut state = self.not_full.wait_while(self.state.lock(), |s| s.full() && !s.closed);
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        self.not_empty.notify_one();
        Ok(())
    }

    /// Appends `item` only if there is room now; `Err(item)` if full or closed.
    pub fn try_put(&self, item: T) -> Result<(), T> {
        self.put_timeout(item, Duration::ZERO)
    }

    /// As `put`, giving up after `timeout`; `Err(item)` on timeout or close.
    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), T> {
        let deadline = B::now() + timeout;
        let mut state = self.state.lock();
        while state.full() && !state.closed {
            let now = B::now();
            if now >= deadline {
                return Err(item);
            }
            state = self.not_full.wait_timeout(state, deadline - now).0;
        }
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        self.not_empty.notify_one();
        Ok(())
    }

    /// The oldest item, waiting while empty and open; `None` once closed
    /// and drained.
    pub fn take(&self) -> Option<T> {
        let mut state =
            self.not_empty.wait_while(self.state.lock(), |s| s.items.is_empty() && !s.closed);
        let item = state.items.pop_front();
        drop(state);
        if item.is_some() {
            self.not_full.notify_one();
        }
        item
    }

    /// Refuses new items and wakes every waiter.
    pub fn close(&self) {
        self.state.lock().closed = true;
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    /// The number of items queued right now.
    // No `is_empty`: like `len`, it would be stale as soon as it returned.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.state.lock().items.len()
    }
}
