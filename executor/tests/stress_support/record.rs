//! The stress tests' record of which task ran where, and the tasks that
//! keep it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;

/// How often each task id ran, and where.
pub struct Record {
    /// Runs on a pool worker thread.
    on_worker: Vec<AtomicU8>,
    /// Runs anywhere else (the test running a closure handed back to it).
    elsewhere: Vec<AtomicU8>,
    /// The worker name prefix, to tell the two apart.
    prefix: &'static str,
}

impl Record {
    /// A record for task ids `0..tasks`, telling apart the threads whose
    /// names start with `prefix` (the pool's workers).
    pub fn new(tasks: usize, prefix: &'static str) -> Self {
        Self {
            on_worker: (0..tasks).map(|_| AtomicU8::new(0)).collect(),
            elsewhere: (0..tasks).map(|_| AtomicU8::new(0)).collect(),
            prefix,
        }
    }

    pub fn record(&self, id: u64) {
        let on_worker = thread::current()
            .name()
            .is_some_and(|name| name.starts_with(self.prefix));
        let counters = if on_worker {
            &self.on_worker
        } else {
            &self.elsewhere
        };
        counters[id as usize].fetch_add(1, Ordering::Relaxed);
    }

    pub fn on_worker(&self, id: u64) -> u8 {
        self.on_worker[id as usize].load(Ordering::Relaxed)
    }

    pub fn elsewhere(&self, id: u64) -> u8 {
        self.elsewhere[id as usize].load(Ordering::Relaxed)
    }
}

/// The task with id `id`: records its run, then panics or returns its id.
pub fn make_task(
    id: u64,
    panics: bool,
    record: Arc<Record>,
) -> impl FnOnce() -> u64 + Send + 'static {
    move || {
        record.record(id);
        if panics {
            panic!("deliberate panic in task {id}");
        }
        id
    }
}
