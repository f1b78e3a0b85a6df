//! Wrong: `close` wakes one waiter of each kind with `notify_one`.
//! With two consumers asleep on an empty queue, one returns `None` and the
//! other sleeps forever: nothing will ever notify it again.

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
        self.not_empty.notify_one();
        self.not_full.notify_one();
    }

    /// The number of items queued right now.
    pub fn len(&self) -> usize {
        self.state.lock().items.len()
    }
}
