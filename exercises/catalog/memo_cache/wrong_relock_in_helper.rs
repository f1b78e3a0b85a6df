//! Wrong: while holding the guard, `get_or_compute` calls a helper,
//! `ready_value`, that locks the same mutex again. The mutex is not
//! reentrant, so the thread waits for itself forever: a self-deadlock on
//! the very first call.

use exercises::prelude::*;
use std::hash::Hash;

enum Slot<V> {
    Computing,
    Ready(V),
}

pub struct Memo<B: Backend, K: Send, V: Send> {
    slots: Mutex<B, HashMap<K, Slot<V>>>,
    filled: Condvar<B>,
}

impl<B: Backend, K: Eq + Hash + Clone + Send, V: Clone + Send> Memo<B, K, V> {
    pub fn new() -> Self {
        Self {
            slots: Mutex::new(HashMap::new()),
            filled: Condvar::new(),
        }
    }

    fn ready_value(&self, key: &K) -> Option<V> {
        match self.slots.lock().get(key) {
            Some(Slot::Ready(value)) => Some(value.clone()),
            _ => None,
        }
    }

    pub fn get_or_compute(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let mut slots = self.slots.lock();
        while let Some(Slot::Computing) = slots.get(&key) {
            slots = self.filled.wait(slots);
        }
        // `slots` is still held: this locks the same mutex a second time.
        if let Some(value) = self.ready_value(&key) {
            return value;
        }
        slots.insert(key.clone(), Slot::Computing);
        drop(slots);
        let value = compute();
        self.slots.lock().insert(key, Slot::Ready(value.clone()));
        self.filled.notify_all();
        value
    }
}
