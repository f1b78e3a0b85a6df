//! The loom backend: exhaustive exploration of interleavings and of what
//! each atomic `Ordering` allows (loom models the C11 memory model, so a
//! `Relaxed` that should be `Release` shows up as a stale read).
//!
//! What it models: every interleaving of its threads up to the preemption
//! bound, weak memory for atomics, `UnsafeCell` data races, leaked `Arc`s,
//! deadlocks. What it does not: time (timeouts never fire), more than five
//! threads, spurious wake-ups on its own (see [`crate::spurious`]), which
//! waiter `notify_one` wakes beyond its own choice.

use executor::sync::CellAccess;

// ANCHOR: loom_instance
super::model_backend::model_backend!(
    /// Loom's primitives behind the executor's `Backend` trait.
    Loom,
    loom,
    "loom",
    spurious = crate::spurious::loom_decides
);
// ANCHOR_END: loom_instance

type Cell<T> = loom::cell::UnsafeCell<T>;

impl<T> CellAccess<Loom, T> for loom::cell::UnsafeCell<T> {
    fn new(value: T) -> Self {
        loom::cell::UnsafeCell::new(value)
    }
    fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        loom::cell::UnsafeCell::with(self, f)
    }
    fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        loom::cell::UnsafeCell::with_mut(self, f)
    }
}
