//! `Mutex<B, T>`: a lock that reads like `std::sync::Mutex` on any backend.

use super::backend::Backend;
use core::fmt;
use core::ops::{Deref, DerefMut};

// ANCHOR: mutex_guard
/// A mutual-exclusion lock over `T`, provided by backend `B`.
///
/// Unlike `std::sync::Mutex` there is no poisoning: the executor never lets
/// a task's panic unwind while a lock is held, and `lock` stays infallible.
///
/// ```
/// use executor::sync::{Mutex, Std};
/// let m: Mutex<Std, Vec<u8>> = Mutex::new(Vec::new());
/// m.lock().push(7);
/// assert_eq!(*m.lock(), vec![7]);
/// ```
pub struct Mutex<B: Backend, T: Send> {
    inner: B::Mutex<T>,
}

/// Holds the lock of a [`Mutex`]; unlocks when dropped.
pub struct MutexGuard<'a, B: Backend, T: Send + 'a> {
    pub(super) inner: B::Guard<'a, T>,
}

impl<B: Backend, T: Send> Mutex<B, T> {
    /// Creates an unlocked mutex.
    pub fn new(value: T) -> Self {
        Self {
            inner: B::mutex(value),
        }
    }

    /// Blocks until the lock is acquired.
    #[track_caller]
    pub fn lock(&self) -> MutexGuard<'_, B, T> {
        MutexGuard {
            inner: B::lock(&self.inner),
        }
    }
}
// ANCHOR_END: mutex_guard

impl<B: Backend, T: Send + Default> Default for Mutex<B, T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<B: Backend, T: Send> fmt::Debug for Mutex<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mutex<{}>", B::NAME)
    }
}

impl<B: Backend, T: Send> Deref for MutexGuard<'_, B, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<B: Backend, T: Send> DerefMut for MutexGuard<'_, B, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}
