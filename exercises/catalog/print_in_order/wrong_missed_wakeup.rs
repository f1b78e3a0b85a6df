//! Wrong: the stage is an atomic checked outside the lock, and the
//! notifier neither takes the lock nor holds it while it notifies. A
//! waiter can read the old stage, then lose the CPU; the predecessor
//! stores the new stage and notifies nobody (no one is waiting yet); the
//! waiter then locks and waits for a wake-up that already happened.

use exercises::prelude::*;

pub struct InOrder<B: Backend> {
    stage: AtomicUsize<B>,
    lock: Mutex<B, ()>,
    advanced: Condvar<B>,
}

impl<B: Backend> InOrder<B> {
    pub fn new() -> Self {
        Self {
            stage: AtomicUsize::new(0),
            lock: Mutex::new(()),
            advanced: Condvar::new(),
        }
    }

    fn run_at(&self, stage: usize, action: impl FnOnce()) {
        while self.stage.load(Ordering::SeqCst) != stage {
            let guard = self.lock.lock();
            drop(self.advanced.wait(guard));
        }
        action();
        self.stage.store(stage + 1, Ordering::SeqCst);
        self.advanced.notify_all();
    }

    pub fn first(&self, action: impl FnOnce()) {
        self.run_at(0, action);
    }

    pub fn second(&self, action: impl FnOnce()) {
        self.run_at(1, action);
    }

    pub fn third(&self, action: impl FnOnce()) {
        self.run_at(2, action);
    }
}
