//! Wrong: `add_if_below` checks, then adds. Both threads see 0 < 1 and
//! both add: the limit is broken even though each step is atomic.

use exercises::prelude::*;

pub struct Counter<B: Backend> {
    value: AtomicU64<B>,
}

impl<B: Backend> Counter<B> {
    pub fn new() -> Self {
        Self {
            value: AtomicU64::new(0),
        }
    }

    pub fn increment(&self) {
        self.value.fetch_add(1, Ordering::SeqCst);
    }

    pub fn add_if_below(&self, limit: u64) -> bool {
        if self.value.load(Ordering::SeqCst) < limit {
            self.value.fetch_add(1, Ordering::SeqCst);
            true
        } else {
            false
        }
    }

    pub fn get(&self) -> u64 {
        self.value.load(Ordering::SeqCst)
    }
}
