//! # Copy-on-write configuration snapshots: reference solution
//!
//! `snapshot` holds the lock just long enough to clone the `Arc` (a
//! reference-count increment). The settings behind an `Arc` are never
//! mutated, so a snapshot stays exactly as it was taken, and reading it
//! needs no lock. `update` holds the lock across the whole copy-change-swap:
//! a second writer waits and then copies the *new* version, so no update is
//! lost; and readers only ever get a pointer to a complete value, so none
//! sees half of one. The old version is freed when its last reader drops
//! its snapshot.
//!
//! Refinement for slow `change` functions: serialise writers with a second,
//! writers-only mutex held across copy-change-swap, and take the `current`
//! lock only for the final pointer swap, so readers never wait for a
//! writer's work.
//!
//! ## In Python 3.8
//! ```python
//! import copy
//! import threading
//!
//! class Config:
//!     def __init__(self, initial):
//!         self._write_lock = threading.Lock()
//!         self._current = initial
//!
//!     def snapshot(self):
//!         # One attribute read: atomic under the GIL. Callers must not
//!         # mutate what they get (a frozen dataclass enforces it).
//!         return self._current
//!
//!     def update(self, change):
//!         with self._write_lock:             # across read, copy and swap
//!             new = copy.copy(self._current)
//!             change(new)
//!             self._current = new            # one assignment publishes it
//! ```

use exercises::prelude::*;

/// The settings a service runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Worker threads.
    pub workers: u32,
    /// Queue slots.
    pub queue_capacity: u32,
}

/// The current settings, shared by readers and writers.
pub struct Config<B: Backend> {
    current: Mutex<B, Arc<B, Settings>>,
}

impl<B: Backend> Config<B> {
    /// A configuration holding `initial`.
    pub fn new(initial: Settings) -> Self {
        Self {
            current: Mutex::new(Arc::new(initial)),
        }
    }

    /// The current settings; they never change under the caller.
    pub fn snapshot(&self) -> Arc<B, Settings> {
        self.current.lock().clone()
    }

    /// Applies `change` to a copy of the settings and publishes the copy.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let mut current = self.current.lock();
        let mut next = Settings::clone(&current);
        change(&mut next);
        *current = Arc::new(next);
    }
}
