//! Wrong: `notify_one` on a condition variable with two kinds of waiter.
//! When `second` and `third` are both asleep, `first`'s single wake-up may
//! go to `third`, which sees it is not its turn and sleeps again; nobody
//! ever wakes `second`, and both calls hang.

use exercises::prelude::*;

pub struct InOrder<B: Backend> {
    stage: Mutex<B, u8>,
    advanced: Condvar<B>,
}

impl<B: Backend> InOrder<B> {
    pub fn new() -> Self {
        Self {
            stage: Mutex::new(0),
            advanced: Condvar::new(),
        }
    }

    fn run_at(&self, stage: u8, action: impl FnOnce()) {
        drop(self.advanced.wait_while(self.stage.lock(), |now| *now != stage));
        action();
        *self.stage.lock() = stage + 1;
        self.advanced.notify_one();
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
