//! `Arc<B, T>`: shared ownership that loom checks for leaks.

use super::backend::Backend;
use core::fmt;
use core::ops::Deref;

// ANCHOR: arc_new
/// A reference-counted pointer provided by backend `B`. Under loom, an `Arc`
/// still alive when a model ends fails the model: a leak check for free.
///
/// ```
/// use executor::sync::{Arc, Std};
/// let a: Arc<Std, u8> = Arc::new(5);
/// let b = a.clone();
/// assert_eq!(*a + *b, 10);
/// ```
pub struct Arc<B: Backend, T: Send + Sync>(B::Arc<T>);

impl<B: Backend, T: Send + Sync> Arc<B, T> {
    /// Moves `value` into a new `Arc`.
    pub fn new(value: T) -> Self {
        Self(B::arc(value))
    }
}
// ANCHOR_END: arc_new

impl<B: Backend, T: Send + Sync> Clone for Arc<B, T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<B: Backend, T: Send + Sync> Deref for Arc<B, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<B: Backend, T: Send + Sync + fmt::Debug> fmt::Debug for Arc<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
