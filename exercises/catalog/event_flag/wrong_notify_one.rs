//! Wrong: `set` wakes one waiter with `notify_one`. With two threads
//! waiting, the second is never woken although the flag is up: it sleeps
//! forever.

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
        self.changed.notify_one();
    }

    pub fn clear(&self) {
        *self.flag.lock() = false;
    }

    pub fn is_set(&self) -> bool {
        *self.flag.lock()
    }

    pub fn wait(&self) -> bool {
        let _up = self.changed.wait_while(self.flag.lock(), |up| !*up);
        true
    }
}
