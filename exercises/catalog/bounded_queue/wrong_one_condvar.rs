//! Wrong: one condition variable for both "not full" and "not empty",
//! with `notify_one`. Producers and consumers sleep on the same queue of
//! waiters, so a consumer that frees a slot can wake the *other consumer*
//! (which finds nothing and sleeps again) instead of the blocked producer.
//! That wake-up is gone: the producer sleeps with room to put, the
//! consumers sleep waiting for its item.

use exercises::prelude::*;

pub struct BoundedQueue<B: Backend, T: Send> {
    capacity: usize,
    items: Mutex<B, VecDeque<T>>,
    changed: Condvar<B>,
}

impl<B: Backend, T: Send> BoundedQueue<B, T> {
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            items: Mutex::new(VecDeque::new()),
            changed: Condvar::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn put(&self, item: T) {
        let mut items = self
            .changed
            .wait_while(self.items.lock(), |items| items.len() >= self.capacity);
        items.push_back(item);
        drop(items);
        self.changed.notify_one();
    }

    pub fn take(&self) -> T {
        let mut items = self.changed.wait_while(self.items.lock(), |items| items.is_empty());
        let item = items.pop_front().unwrap();
        drop(items);
        self.changed.notify_one();
        item
    }
}
