//! Wrong: the flag is an `AtomicBool` read without the condvar's mutex.
//! `wait` sees `false`, and before it takes the lock and sleeps, `set`
//! stores `true` and notifies nobody (no one is asleep yet). The waiter
//! then sleeps forever: a missed wake-up.

use exercises::prelude::*;

pub struct Event<B: Backend> {
    flag: AtomicBool<B>,
    lock: Mutex<B, ()>,
    changed: Condvar<B>,
}

impl<B: Backend> Event<B> {
    pub fn new() -> Self {
        Self {
            flag: AtomicBool::new(false),
            lock: Mutex::new(()),
            changed: Condvar::new(),
        }
    }

    pub fn set(&self) {
        self.flag.store(true, Ordering::SeqCst);
        self.changed.notify_all();
    }

    pub fn clear(&self) {
        self.flag.store(false, Ordering::SeqCst);
    }

    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    pub fn wait(&self) -> bool {
        if !self.flag.load(Ordering::SeqCst) {
            let guard = self.lock.lock();
            let _woken = self.changed.wait(guard);
        }
        true
    }
}
