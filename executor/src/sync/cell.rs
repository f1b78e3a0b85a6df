//! `UnsafeCell<B, T>`: interior mutability that loom can check for races.

use super::backend::{Backend, CellAccess};

/// An `UnsafeCell` in loom's shape: access goes through closures that
/// receive a raw pointer, so loom can flag two unsynchronised accesses.
///
/// ```
/// use executor::sync::{Std, UnsafeCell};
/// let cell: UnsafeCell<Std, u32> = UnsafeCell::new(1);
/// // SAFETY: no other reference to the cell exists.
/// cell.with_mut(|p| unsafe { *p += 1 });
/// // SAFETY: as above.
/// assert_eq!(cell.with(|p| unsafe { *p }), 2);
/// ```
pub struct UnsafeCell<B: Backend, T>(B::UnsafeCell<T>);

impl<B: Backend, T> UnsafeCell<B, T> {
    /// Creates the cell.
    pub fn new(value: T) -> Self {
        Self(<B::UnsafeCell<T> as CellAccess<B, T>>::new(value))
    }
    /// Runs `f` with a shared pointer to the contents.
    pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        self.0.with(f)
    }
    /// Runs `f` with an exclusive pointer to the contents.
    pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        self.0.with_mut(f)
    }
}
