//! Wrong: ordering by sleeping. `second` sleeps a millisecond and `third`
//! two before running, betting that `first` is done by then. On a quiet
//! machine it usually is; under load, or under a checker that schedules
//! the threads in any order (a sleep does not make anyone else run first),
//! `second` or `third` runs too early.

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

    pub fn first(&self, action: impl FnOnce()) {
        action();
    }

    pub fn second(&self, action: impl FnOnce()) {
        std::thread::sleep(Duration::from_millis(1));
        action();
    }

    pub fn third(&self, action: impl FnOnce()) {
        std::thread::sleep(Duration::from_millis(2));
        action();
    }
}
