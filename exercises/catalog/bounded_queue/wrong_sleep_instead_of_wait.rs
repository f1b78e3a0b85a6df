//! Wrong: `take` sleeps instead of waiting. If the queue is empty it naps
//! a millisecond, "enough for a producer to put something", and pops.
//! Nothing orders the producer before that pop; on a busy machine, or
//! under a checker that runs the producer later, the queue is still empty.

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
        if self.items.lock().is_empty() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let item = self
            .items
            .lock()
            .pop_front()
            .expect("a producer had a whole millisecond to put an item");
        self.not_full.notify_one();
        item
    }
}
