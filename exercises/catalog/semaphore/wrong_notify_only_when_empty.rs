//! Wrong: `release` only wakes a waiter when the count goes from 0 to 1,
//! reasoning that nobody waits while permits are free. With two waiters and
//! two quick releases, the first release wakes one waiter, the second
//! (count 1 to 2, before the woken waiter ran) wakes nobody, and the other
//! waiter sleeps forever next to a free permit.

use exercises::prelude::*;

pub struct Semaphore<B: Backend> {
    permits: Mutex<B, usize>,
    released: Condvar<B>,
}

impl<B: Backend> Semaphore<B> {
    pub fn new(permits: usize) -> Self {
        Self {
            permits: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    pub fn acquire(&self) {
        let mut permits = self.released.wait_while(self.permits.lock(), |free| *free == 0);
        *permits -= 1;
    }

    pub fn try_acquire(&self) -> bool {
        let mut permits = self.permits.lock();
        if *permits == 0 {
            return false;
        }
        *permits -= 1;
        true
    }

    pub fn release(&self) {
        let mut permits = self.permits.lock();
        *permits += 1;
        if *permits == 1 {
            self.released.notify_one();
        }
    }
}
