//! Atomic wrappers: `AtomicUsize<B>`, `AtomicU64<B>`, `AtomicBool<B>`.
//!
//! Every operation takes its memory [`Ordering`] explicitly and passes it
//! through unchanged, so loom can explore what a weaker ordering allows.

use super::backend::{AtomicFlag, AtomicInt, Backend};
use core::fmt;
pub use core::sync::atomic::Ordering;

macro_rules! int_wrapper {
    ($(#[$doc:meta])* $name:ident, $assoc:ident, $v:ty) => {
        $(#[$doc])*
        pub struct $name<B: Backend>(B::$assoc);

        impl<B: Backend> $name<B> {
            /// Creates the atomic.
            pub fn new(value: $v) -> Self {
                Self(<B::$assoc as AtomicInt<B, $v>>::new(value))
            }
            /// Loads the value.
            #[track_caller]
            pub fn load(&self, order: Ordering) -> $v {
                self.0.load(order)
            }
            /// Stores a value.
            #[track_caller]
            pub fn store(&self, value: $v, order: Ordering) {
                self.0.store(value, order)
            }
            /// Stores a value, returning the previous one.
            #[track_caller]
            pub fn swap(&self, value: $v, order: Ordering) -> $v {
                self.0.swap(value, order)
            }
            /// Stores `new` if the value is `current`.
            #[track_caller]
            pub fn compare_exchange(
                &self,
                current: $v,
                new: $v,
                success: Ordering,
                failure: Ordering,
            ) -> Result<$v, $v> {
                self.0.compare_exchange(current, new, success, failure)
            }
            /// Adds, returning the previous value.
            #[track_caller]
            pub fn fetch_add(&self, value: $v, order: Ordering) -> $v {
                self.0.fetch_add(value, order)
            }
            /// Subtracts, returning the previous value.
            #[track_caller]
            pub fn fetch_sub(&self, value: $v, order: Ordering) -> $v {
                self.0.fetch_sub(value, order)
            }
        }

        impl<B: Backend> fmt::Debug for $name<B> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Relaxed: a debug print promises no ordering with anything.
                write!(f, "{}", self.load(Ordering::Relaxed))
            }
        }
    };
}

int_wrapper!(
    /// A `usize` atomic provided by backend `B`.
    ///
    /// ```
    /// use executor::sync::{AtomicUsize, Ordering, Std};
    /// let n: AtomicUsize<Std> = AtomicUsize::new(0);
    /// // Relaxed: a lone counter orders nothing else.
    /// n.fetch_add(2, Ordering::Relaxed);
    /// assert_eq!(n.load(Ordering::Relaxed), 2);
    /// ```
    AtomicUsize,
    AtomicUsize,
    usize
);
int_wrapper!(
    /// A `u64` atomic provided by backend `B`.
    ///
    /// ```
    /// use executor::sync::{AtomicU64, Ordering, Std};
    /// let n: AtomicU64<Std> = AtomicU64::new(u64::MAX);
    /// // Relaxed: a lone value orders nothing else.
    /// assert_eq!(n.swap(1, Ordering::Relaxed), u64::MAX);
    /// ```
    AtomicU64,
    AtomicU64,
    u64
);

/// A `bool` atomic provided by backend `B`.
///
/// ```
/// use executor::sync::{AtomicBool, Ordering, Std};
/// let f: AtomicBool<Std> = AtomicBool::new(false);
/// // Release/Acquire: whatever was written before `store` is visible to a
/// // thread whose `load` sees `true`.
/// f.store(true, Ordering::Release);
/// assert!(f.load(Ordering::Acquire));
/// ```
pub struct AtomicBool<B: Backend>(B::AtomicBool);

impl<B: Backend> AtomicBool<B> {
    /// Creates the flag.
    pub fn new(value: bool) -> Self {
        Self(<B::AtomicBool as AtomicFlag<B>>::new(value))
    }
    /// Loads the flag.
    #[track_caller]
    pub fn load(&self, order: Ordering) -> bool {
        self.0.load(order)
    }
    /// Stores the flag.
    #[track_caller]
    pub fn store(&self, value: bool, order: Ordering) {
        self.0.store(value, order)
    }
    /// Stores a value, returning the previous one.
    #[track_caller]
    pub fn swap(&self, value: bool, order: Ordering) -> bool {
        self.0.swap(value, order)
    }
}

impl<B: Backend> fmt::Debug for AtomicBool<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Relaxed: a debug print promises no ordering with anything.
        write!(f, "{}", self.load(Ordering::Relaxed))
    }
}

/// A memory fence on backend `B` (loom models `SeqCst` fences exactly;
/// `SeqCst` loads and stores it treats as acquire and release only).
///
/// ```
/// use executor::sync::{Ordering, Std, fence};
/// fence::<Std>(Ordering::SeqCst);
/// ```
#[track_caller]
pub fn fence<B: Backend>(order: Ordering) {
    B::fence(order);
}
