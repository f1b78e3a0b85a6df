//! The shuttle backend: randomized (and PCT) exploration of schedules. It
//! scales to more threads and longer runs than loom, and it chooses *which*
//! waiter a `notify_one` wakes, so a wake-up given to the wrong thread shows.
//!
//! What it models: interleavings at every primitive operation, random or
//! PCT-prioritised; schedule-controlled randomness (`shuttle::rand`), which
//! also drives injected spurious wake-ups ([`crate::spurious`]). What it
//! does not: weak memory (atomics are sequentially consistent), time
//! (timeouts never fire), data races on `UnsafeCell` (a plain cell here).

use executor::sync::CellAccess;

// ANCHOR: shuttle_instance
super::model_backend::model_backend!(
    /// Shuttle's primitives behind the executor's `Backend` trait.
    Shuttle,
    shuttle,
    "shuttle",
    spurious = crate::spurious::shuttle_decides
);
// ANCHOR_END: shuttle_instance

type Cell<T> = core::cell::UnsafeCell<T>;

impl<T> CellAccess<Shuttle, T> for core::cell::UnsafeCell<T> {
    fn new(value: T) -> Self {
        core::cell::UnsafeCell::new(value)
    }
    fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.get())
    }
    fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.get())
    }
}
