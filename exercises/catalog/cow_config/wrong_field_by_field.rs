//! Wrong: the settings are one shared value updated in place, field by
//! field, each field under its own short lock acquisition "so readers wait
//! less". A writers-only lock keeps writers from losing updates, but a
//! reader that copies the settings between two field stores gets new
//! `workers` with old `queue_capacity`: a torn read.

use exercises::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub workers: u32,
    pub queue_capacity: u32,
}

pub struct Config<B: Backend> {
    writer: Mutex<B, ()>,
    fields: Mutex<B, Settings>,
}

impl<B: Backend> Config<B> {
    pub fn new(initial: Settings) -> Self {
        Self {
            writer: Mutex::new(()),
            fields: Mutex::new(initial),
        }
    }

    pub fn snapshot(&self) -> Arc<B, Settings> {
        Arc::new(self.fields.lock().clone())
    }

    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let _one_writer = self.writer.lock();
        let mut next = self.fields.lock().clone();
        change(&mut next);
        self.fields.lock().workers = next.workers;
        self.fields.lock().queue_capacity = next.queue_capacity;
    }
}
