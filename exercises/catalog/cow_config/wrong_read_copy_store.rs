//! Wrong: `update` takes a snapshot, changes a copy, then stores it under a
//! second lock acquisition. Two writers both copy version 1, and the one
//! that stores last overwrites the other's change: a lost update.

use exercises::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub workers: u32,
    pub queue_capacity: u32,
}

pub struct Config<B: Backend> {
    current: Mutex<B, Arc<B, Settings>>,
}

impl<B: Backend> Config<B> {
    pub fn new(initial: Settings) -> Self {
        Self {
            current: Mutex::new(Arc::new(initial)),
        }
    }

    pub fn snapshot(&self) -> Arc<B, Settings> {
        self.current.lock().clone()
    }

    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let mut next = Settings::clone(&self.snapshot());
        change(&mut next);
        *self.current.lock() = Arc::new(next);
    }
}
