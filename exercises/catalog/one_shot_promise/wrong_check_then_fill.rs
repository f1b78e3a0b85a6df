//! Wrong: `complete` checks whether the slot is empty under one lock and
//! fills it under another. Two completers racing both see it empty, both
//! report success, and the second overwrites the value the first one's
//! waiters may already have read.

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

    fn is_done(&self) -> bool {
        self.slot.lock().is_some()
    }

    pub fn complete(&self, value: T) -> Result<(), T> {
        if self.is_done() {
            return Err(value);
        }
        *self.slot.lock() = Some(value);
        self.ready.notify_all();
        Ok(())
    }

    pub fn wait(&self) -> T {
        let slot = self.ready.wait_while(self.slot.lock(), |slot| slot.is_none());
        slot.clone().unwrap()
    }
}
