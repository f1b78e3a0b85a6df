//! Wrong: the last `done` wakes one waiter with `notify_one`. With two
//! threads in `wait`, the other one is never told that the count hit
//! zero, and sleeps forever.

use exercises::prelude::*;

pub struct WaitGroup<B: Backend> {
    outstanding: Mutex<B, usize>,
    all_done: Condvar<B>,
}

impl<B: Backend> WaitGroup<B> {
    pub fn new() -> Self {
        Self {
            outstanding: Mutex::new(0),
            all_done: Condvar::new(),
        }
    }

    pub fn add(&self, n: usize) {
        *self.outstanding.lock() += n;
    }


    pub fn done(&self) {
        let mut outstanding = self.outstanding.lock();
        *outstanding -= 1;
        if *outstanding == 0 {
            drop(outstanding);
            self.all_done.notify_one();
        }
    }

    pub fn wait(&self) {
        let _zero = self.all_done.wait_while(self.outstanding.lock(), |n| *n > 0);
    }
}
