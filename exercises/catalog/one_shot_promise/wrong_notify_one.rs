//! Wrong: `complete` wakes one waiter with `notify_one`. With two threads
//! asleep in `wait`, one of them gets the value and the other sleeps
//! forever: every waiter is waiting for the same event, so all of them
//! must be woken.

use exercises::prelude::*;

pub struct Promise<B: Backend, T: Send> {
    slot: Mutex<B, Option<T>>,
    ready: Condvar<B>,
}

impl<B: Backend, T: Send + Clone> Promise<B, T> {
    pub fn new() -> Self {
        Self {
            slot: Mutex::new(None),
            ready: Condvar::new(),
        }
    }

    pub fn complete(&self, value: T) -> Result<(), T> {
        let mut slot = self.slot.lock();
        if slot.is_some() {
            return Err(value);
        }
        *slot = Some(value);
        drop(slot);
        self.ready.notify_one();
        Ok(())
    }

    pub fn wait(&self) -> T {
        let slot = self.ready.wait_while(self.slot.lock(), |slot| slot.is_none());
        slot.clone().unwrap()
    }
}
