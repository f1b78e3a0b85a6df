//! Synchronisation primitives, generic over a [`Backend`].
//!
//! The executor never names `std::sync`, `std::thread` or `parking_lot`
//! outside [`std_backend`]: everything goes through these wrappers, so the
//! same code runs on real threads ([`Std`]) and under the loom and shuttle
//! model checkers (backends in the `verification` crate).

mod arc;
mod atomic;
mod backend;
mod cell;
mod condvar;
mod mutex;
mod std_backend;
pub mod thread;

pub use arc::Arc;
pub use atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering, fence};
pub use backend::{AtomicFlag, AtomicInt, Backend, CellAccess, PanicPayload, no_trace};
pub use cell::UnsafeCell;
pub use condvar::Condvar;
pub use mutex::{Mutex, MutexGuard};
pub use std_backend::Std;
pub(crate) use std_backend::{available_parallelism, panicking};
