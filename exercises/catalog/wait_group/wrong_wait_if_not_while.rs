//! Wrong: `wait` checks the count with `if`, not `while`. One wake-up,
//! spurious or not, and it returns although tasks are still running.

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
            self.all_done.notify_all();
        }
    }

    pub fn wait(&self) {
        let outstanding = self.outstanding.lock();
        if *outstanding > 0 {
            let _woken = self.all_done.wait(outstanding);
        }
    }
}
