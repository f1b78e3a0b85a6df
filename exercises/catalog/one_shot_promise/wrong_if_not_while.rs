//! Wrong: `if` instead of `while` around the wait. A spurious wake-up (or
//! any stray notify) returns from `wait` with the slot still empty, and
//! the waiter unwraps `None`.

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
        self.ready.notify_all();
        Ok(())
    }

    pub fn wait(&self) -> T {
        let mut slot = self.slot.lock();
        if slot.is_none() {
            slot = self.ready.wait(slot);
        }
        slot.clone().expect("woken, so the promise must be complete")
    }
}
