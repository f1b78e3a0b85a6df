//! # A memo cache: compute each key once, without blocking the others
//!
//! A cache in front of a slow function wants three things at once. Each key
//! is computed at most once, even when several threads ask for it at the
//! same moment. The lock protecting the map is *not* held while the slow
//! function runs, or every other key waits behind it. And a thread asking
//! for a key that is being computed right now waits for that computation
//! instead of starting its own. The trick is a marker: under the lock, put
//! "computing" in the slot, release the lock, compute, then re-lock, store
//! the value and wake the waiters (a `Condvar`).
//!
//! One more trap: the prelude's `Mutex` is not reentrant. Locking it again
//! while you already hold its guard (say, through a helper method that
//! locks) deadlocks the thread with itself. Python's `Lock` does the same;
//! only `RLock` is reentrant.
//!
//! ## Your task
//! `get_or_compute(key, compute)` returns the value for `key`, and:
//! - calls `compute` at most once per key, however many threads ask;
//! - never holds the lock while `compute` runs: other keys stay available;
//! - makes a caller that finds the key being computed wait for that result.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable, Hashable
//!
//! class Memo:
//!     def __init__(self) -> None: ...
//!     def get_or_compute(self, key: Hashable, compute: Callable[[], object]) -> object: ...
//! ```
//!
//! Grade with `cargo drill check memo_cache`.

use exercises::prelude::*;
use std::hash::Hash;

// ANCHOR: skeleton
/// What the map holds for a key (a suggestion: change it if you like).
enum Slot<V> {
    /// Some thread is running `compute` for this key right now.
    Computing,
    /// The value, computed once.
    Ready(V),
}

/// A cache that computes each key at most once.
pub struct Memo<B: Backend, K: Send, V: Send> {
    slots: Mutex<B, HashMap<K, Slot<V>>>,
    filled: Condvar<B>,
}

impl<B: Backend, K: Eq + Hash + Clone + Send, V: Clone + Send> Memo<B, K, V> {
    /// An empty cache.
    pub fn new() -> Self {
        Self {
            slots: Mutex::new(HashMap::new()),
            filled: Condvar::new(),
        }
    }

    /// The value for `key`, computing it with `compute` if nobody has yet.
    pub fn get_or_compute(&self, key: K, compute: impl FnOnce() -> V) -> V {
        todo!("claim the key under the lock, compute without it, publish and wake")
    }
}
// ANCHOR_END: skeleton
