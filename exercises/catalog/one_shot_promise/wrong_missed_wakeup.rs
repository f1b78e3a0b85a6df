//! Wrong: a "fast path" flag read without the lock. The waiter sees
//! `done == false`, and before it takes the lock and sleeps, the completer
//! fills the slot, sets the flag and notifies nobody. The waiter then goes
//! to sleep for a notification that has already been sent: a missed
//! wake-up, and it sleeps forever.

use exercises::prelude::*;

pub struct Promise<B: Backend, T: Send> {
    slot: Mutex<B, Option<T>>,
    done: AtomicBool<B>,
    ready: Condvar<B>,
}

impl<B: Backend, T: Send + Clone> Promise<B, T> {
    pub fn new() -> Self {
        Self {
            slot: Mutex::new(None),
            done: AtomicBool::new(false),
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
        self.done.store(true, Ordering::SeqCst);
        self.ready.notify_all();
        Ok(())
    }

    pub fn wait(&self) -> T {
        while !self.done.load(Ordering::SeqCst) {
            // The flag may flip right here, before we hold the lock.
            let slot = self.slot.lock();
            let _slot = self.ready.wait(slot);
        }
        self.slot.lock().clone().unwrap()
    }
}
