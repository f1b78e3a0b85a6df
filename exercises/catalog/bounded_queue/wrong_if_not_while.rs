//! Wrong: `if` instead of `while` around both waits. A spurious wake-up
//! lets `put` push into a full queue (capacity exceeded) and lets `take`
//! pop from an empty one.

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
        let mut items = self.items.lock();
        if items.len() >= self.capacity {
            items = self.not_full.wait(items);
        }
        items.push_back(item);
        drop(items);
        self.not_empty.notify_one();
    }

    pub fn take(&self) -> T {
        let mut items = self.items.lock();
        if items.is_empty() {
            items = self.not_empty.wait(items);
        }
        let item = items.pop_front().expect("woken by a put, so there is an item");
        drop(items);
        self.not_full.notify_one();
        item
    }
}
