//! Wrong: `acquire` checks for a free permit with `if`, waits once, and then
//! takes a permit without looking again. After a spurious wake-up, or when
//! another thread took the released permit first, there is none to take:
//! the count underflows (in Python it goes negative and one thread too many
//! gets in).

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
        let mut permits = self.permits.lock();
        if *permits == 0 {
            permits = self.released.wait(permits);
        }
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
        self.released.notify_one();
    }
}
