//! # A memo cache: reference solution
//!
//! Under the lock, a caller looks at the key's slot. `Ready`: it clones the
//! value and leaves. `Computing`: it waits on the condvar, which releases
//! the lock while it sleeps, and looks again when woken (in a loop: the
//! wake-up may be spurious, or for another key). Missing: it claims the key
//! by inserting `Computing`, releases the lock, and runs `compute` with no
//! lock held, so callers for other keys go straight through. Then it
//! re-locks, stores `Ready(value)` and wakes *every* waiter (they may be
//! waiting for different keys; `notify_one` could wake the wrong one).
//! Claiming under the same lock acquisition that found the key missing is
//! what makes "computed at most once" hold.
//!
//! Not handled here: if `compute` panics, the marker stays and waiters for
//! that key wait forever. A production version removes the marker in a
//! `Drop` guard and lets the next caller retry.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! _COMPUTING = object()
//!
//! class Memo:
//!     def __init__(self):
//!         self._cond = threading.Condition()   # a Lock inside
//!         self._slots = {}
//!
//!     def get_or_compute(self, key, compute):
//!         with self._cond:
//!             while self._slots.get(key) is _COMPUTING:
//!                 self._cond.wait()
//!             if key in self._slots:
//!                 return self._slots[key]
//!             self._slots[key] = _COMPUTING    # claim it
//!         value = compute()                    # no lock held
//!         with self._cond:
//!             self._slots[key] = value
//!             self._cond.notify_all()
//!         return value
//! ```
//! (`functools.lru_cache` is thread-safe for its own data but may call the
//! function twice for one key under a race.)

use exercises::prelude::*;
use std::hash::Hash;

/// What the map holds for a key.
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
        let mut slots = self.slots.lock();
        loop {
            match slots.get(&key) {
                Some(Slot::Ready(value)) => return value.clone(),
                Some(Slot::Computing) => slots = self.filled.wait(slots),
                None => break,
            }
        }
        slots.insert(key.clone(), Slot::Computing);
        drop(slots);
        let value = compute();
        self.slots.lock().insert(key, Slot::Ready(value.clone()));
        self.filled.notify_all();
        value
    }
}
