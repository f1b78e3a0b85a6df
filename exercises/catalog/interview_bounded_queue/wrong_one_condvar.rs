//! Wrong: one condition variable for both "not empty" and "not full",
//! signalled with `notify_one`. A consumer that takes the last item can
//! wake the *other* consumer instead of the producer waiting for room; that
//! consumer finds the queue empty and sleeps again, the producer was never
//! told, and everyone sleeps: a stolen wake-up.

use exercises::prelude::*;

pub struct BoundedQueue<B: Backend, T: Send> {
    state: Mutex<B, State<T>>,
    changed: Condvar<B>,
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
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a queue needs room for one item");
        Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                capacity,
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    pub fn put(&self, item: T) -> Result<(), T> {
        let mut state = self.changed.wait_while(self.state.lock(), |s| s.full() && !s.closed);
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    pub fn try_put(&self, item: T) -> Result<(), T> {
        self.put_timeout(item, Duration::ZERO)
    }

    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), T> {
        let deadline = B::now() + timeout;
        let mut state = self.state.lock();
        while state.full() && !state.closed {
            let now = B::now();
            if now >= deadline {
                return Err(item);
            }
            state = self.changed.wait_timeout(state, deadline - now).0;
        }
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    pub fn take(&self) -> Option<T> {
        let mut state =
            self.changed.wait_while(self.state.lock(), |s| s.items.is_empty() && !s.closed);
        let item = state.items.pop_front();
        drop(state);
        if item.is_some() {
            self.changed.notify_one();
        }
        item
    }

    pub fn close(&self) {
        self.state.lock().closed = true;
        self.changed.notify_all();
    }

    pub fn len(&self) -> usize {
        self.state.lock().items.len()
    }
}
