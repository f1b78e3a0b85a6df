//! Wrong: `take` never notifies `not_full`. A producer blocked on a full
//! queue is never told that a slot opened, and sleeps forever.

use exercises::prelude::*;

pub struct BoundedQueue<B: Backend, T: Send> {
    capacity: usize,
    items: Mutex<B, VecDeque<T>>,
    not_full: Condvar<B>,
    not_empty: Condvar<B>,
}

impl<B: Backend, T: Send> BoundedQueue<B, T> {
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            items: Mutex::new(VecDeque::new()),
            not_full: Condvar::new(),
            not_empty: Condvar::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn put(&self, item: T) {
        let mut items = self
            .not_full
            .wait_while(self.items.lock(), |items| items.len() >= self.capacity);
        items.push_back(item);
        drop(items);
        self.not_empty.notify_one();
    }


    pub fn take(&self) -> T {
        let mut items = self.not_empty.wait_while(self.items.lock(), |items| items.is_empty());
        items.pop_front().unwrap()
    }
}
