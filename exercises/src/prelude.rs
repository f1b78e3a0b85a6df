//! Everything an exercise needs, from the workspace's backend primitives
//! only: a `std::sync::Mutex` or `std::thread::spawn` would be invisible to
//! loom and shuttle, which would then hang or miss the bug.
//!
//! ```
//! use exercises::prelude::*;
//! fn count<B: Backend>() -> u64 {
//!     let n = Arc::<B, _>::new(AtomicU64::<B>::new(0));
//!     let m = n.clone();
//!     // Relaxed: the join below orders the increment before the load.
//!     spawn::<B, _>("adder", move || m.fetch_add(1, Ordering::Relaxed)).join().unwrap();
//!     n.load(Ordering::Relaxed)
//! }
//! assert_eq!(count::<Std>(), 1);
//! ```

pub use crate::block_on::block_on;
pub use executor::sync::thread::{self, JoinHandle};
pub use executor::sync::{
    Arc, AtomicBool, AtomicU64, AtomicUsize, Backend, Condvar, Mutex, MutexGuard, Ordering, Std,
};
pub use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
pub use std::time::Duration;

/// Spawns a thread called `name` on backend `B`.
///
/// Names show up in the failure report ("philosopher-2 is blocked in lock
/// at ..."), so give every thread one. Panics if the OS refuses a thread,
/// which no exercise is about.
///
/// ```
/// use exercises::prelude::*;
/// let h = spawn::<Std, _>("worker-0", || 6 * 7);
/// assert_eq!(h.join().unwrap(), 42);
/// ```
#[track_caller]
pub fn spawn<B: Backend, T: Send + 'static>(
    name: impl Into<String>,
    f: impl FnOnce() -> T + Send + 'static,
) -> JoinHandle<B, T> {
    thread::spawn::<B, _, _>(name.into(), f).expect("the OS refused a thread")
}

/// Lets the checker switch threads here: the backend's `yield_now`.
///
/// ```
/// exercises::prelude::yield_now::<exercises::prelude::Std>();
/// ```
pub fn yield_now<B: Backend>() {
    thread::yield_now::<B>();
}

/// Joins a thread, re-raising its panic in the joiner so that a suite's
/// assertion inside a thread fails the scenario.
///
/// ```
/// use exercises::prelude::*;
/// assert_eq!(join(spawn::<Std, _>("t", || 1)), 1);
/// ```
#[track_caller]
pub fn join<B: Backend, T: Send + 'static>(handle: JoinHandle<B, T>) -> T {
    match handle.join() {
        Ok(value) => value,
        Err(payload) => std::panic::resume_unwind(payload),
    }
}
