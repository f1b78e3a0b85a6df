//! Wrong: `increment` reads, then writes. Two threads both read 0 and
//! both write 1.

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
        let seen = self.value.load(Ordering::SeqCst);
        self.value.store(seen + 1, Ordering::SeqCst);
    }

    pub fn add_if_below(&self, limit: u64) -> bool {
        let mut current = self.value.load(Ordering::SeqCst);
        while current < limit {
            match self
                .value
                .compare_exchange(current, current + 1, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => return true,
                Err(seen) => current = seen,
            }
        }
        false
    }

    pub fn get(&self) -> u64 {
        self.value.load(Ordering::SeqCst)
    }
}
