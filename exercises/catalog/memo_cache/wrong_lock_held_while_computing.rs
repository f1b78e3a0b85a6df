//! Wrong: the whole lookup-compute-insert runs under one lock. Each key is
//! computed once, but while one slow `compute` runs, every caller for every
//! other key is stuck on the lock. If a computation itself needs another
//! key to be ready, the cache deadlocks.

use exercises::prelude::*;
use std::hash::Hash;

pub struct Memo<B: Backend, K: Send, V: Send> {
    values: Mutex<B, HashMap<K, V>>,
}

impl<B: Backend, K: Eq + Hash + Clone + Send, V: Clone + Send> Memo<B, K, V> {
    pub fn new() -> Self {
        Self {
            values: Mutex::new(HashMap::new()),
        }
    }

    pub fn get_or_compute(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let mut values = self.values.lock();
        if let Some(value) = values.get(&key) {
            return value.clone();
        }
        let value = compute(); // the lock is still held here
        values.insert(key, value.clone());
        value
    }
}
