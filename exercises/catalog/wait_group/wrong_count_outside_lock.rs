//! Wrong: the count is an atomic that `done` decrements without taking
//! the waiters' lock. A waiter reads "1 outstanding" and is about to
//! sleep; the last `done` drops the count to zero and notifies right
//! then, before the waiter is asleep. The notification finds nobody, and
//! the waiter sleeps forever: a missed wake-up.

use exercises::prelude::*;

pub struct WaitGroup<B: Backend> {
    outstanding: AtomicUsize<B>,
    lock: Mutex<B, ()>,
    all_done: Condvar<B>,
}

impl<B: Backend> WaitGroup<B> {
    pub fn new() -> Self {
        Self {
            outstanding: AtomicUsize::new(0),
            lock: Mutex::new(()),
            all_done: Condvar::new(),
        }
    }

    pub fn add(&self, n: usize) {
        self.outstanding.fetch_add(n, Ordering::SeqCst);
    }

    pub fn done(&self) {
        if self.outstanding.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.all_done.notify_all();
        }
    }

    pub fn wait(&self) {
        let mut guard = self.lock.lock();
        while self.outstanding.load(Ordering::SeqCst) > 0 {
            guard = self.all_done.wait(guard);
        }
    }
}
