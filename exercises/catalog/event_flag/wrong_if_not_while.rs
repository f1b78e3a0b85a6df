//! Wrong: `wait` checks the flag with `if`, waits once, and returns. A
//! spurious wake-up (or one meant for something else) makes it return
//! while the flag is still down.

use exercises::prelude::*;

pub struct Event<B: Backend> {
    flag: Mutex<B, bool>,
    changed: Condvar<B>,
}

impl<B: Backend> Event<B> {
    pub fn new() -> Self {
        Self {
            flag: Mutex::new(false),
            changed: Condvar::new(),
        }
    }

    pub fn set(&self) {
        *self.flag.lock() = true;
        self.changed.notify_all();
    }

    pub fn clear(&self) {
        *self.flag.lock() = false;
    }

    pub fn is_set(&self) -> bool {
        *self.flag.lock()
    }

    pub fn wait(&self) -> bool {
        let up = self.flag.lock();
        if !*up {
            let _woken = self.changed.wait(up);
        }
        true
    }
}
