//! Wrong: `release` puts the permit back but wakes nobody. A thread already
//! asleep in `acquire` is never told, and sleeps forever while a permit
//! sits unused.

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
        *self.permits.lock() += 1;
    }
}
