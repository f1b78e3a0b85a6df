//! The production backend: parking_lot's mutex and condition variable, std's
//! atomics, `Arc` and threads. This is the only file of the executor allowed
//! to name those primitives directly (see `clippy.toml` and
//! `tests/backend_discipline.rs`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use super::backend::{Backend, CellAccess, PanicPayload};
use core::time::Duration;
use std::sync::OnceLock;
use std::time::Instant;

/// Real threads and real locks: parking_lot + std.
///
/// ```
/// use executor::sync::{Mutex, Std};
/// let m: Mutex<Std, i32> = Mutex::new(1);
/// assert_eq!(*m.lock(), 1);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Std;

crate::impl_atomics!(Std, std::sync::atomic);

impl<T> CellAccess<Std, T> for core::cell::UnsafeCell<T> {
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

// ANCHOR: std_backend
impl Backend for Std {
    const NAME: &'static str = "std";

    type Mutex<T: Send> = parking_lot::Mutex<T>;
    type Guard<'a, T: Send + 'a> = parking_lot::MutexGuard<'a, T>;
    type Condvar = parking_lot::Condvar;
    type AtomicUsize = std::sync::atomic::AtomicUsize;
    type AtomicU64 = std::sync::atomic::AtomicU64;
    type AtomicBool = std::sync::atomic::AtomicBool;
    type UnsafeCell<T> = core::cell::UnsafeCell<T>;
    type Arc<T: Send + Sync> = std::sync::Arc<T>;
    type JoinHandle<T: Send + 'static> = std::thread::JoinHandle<T>;
    type ThreadId = std::thread::ThreadId;

    fn mutex<T: Send>(value: T) -> Self::Mutex<T> {
        parking_lot::Mutex::new(value)
    }
    fn lock<'a, T: Send>(mutex: &'a Self::Mutex<T>) -> Self::Guard<'a, T> {
        mutex.lock()
    }
    fn condvar() -> Self::Condvar {
        parking_lot::Condvar::new()
    }
    fn wait<'a, T: Send>(cv: &Self::Condvar, mut guard: Self::Guard<'a, T>) -> Self::Guard<'a, T> {
        cv.wait(&mut guard);
        guard
    }
    fn wait_timeout<'a, T: Send>(
        cv: &Self::Condvar,
        mut guard: Self::Guard<'a, T>,
        timeout: Duration,
    ) -> (Self::Guard<'a, T>, bool) {
        let timed_out = cv.wait_for(&mut guard, timeout).timed_out();
        (guard, timed_out)
    }
    fn notify_one(cv: &Self::Condvar) {
        cv.notify_one();
    }
    fn notify_all(cv: &Self::Condvar) {
        cv.notify_all();
    }
    fn arc<T: Send + Sync>(value: T) -> Self::Arc<T> {
        std::sync::Arc::new(value)
    }
    fn spawn<F, T>(name: String, f: F) -> std::io::Result<Self::JoinHandle<T>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        std::thread::Builder::new().name(name).spawn(f)
    }
    fn join<T: Send + 'static>(handle: Self::JoinHandle<T>) -> Result<T, PanicPayload> {
        handle.join()
    }
    fn handle_id<T: Send + 'static>(handle: &Self::JoinHandle<T>) -> Self::ThreadId {
        handle.thread().id()
    }
    fn current_id() -> Self::ThreadId {
        std::thread::current().id()
    }
    fn current_name() -> Option<String> {
        std::thread::current().name().map(str::to_owned)
    }
    fn yield_now() {
        std::thread::yield_now();
    }
    fn fence(order: core::sync::atomic::Ordering) {
        std::sync::atomic::fence(order);
    }
    // ANCHOR: std_backoff
    fn backoff(step: u32) -> bool {
        // A few short spins (1, 2, 4 ... 32 pause instructions), for a
        // queue refilled within a microsecond; then yields, which on a
        // machine with more runnable threads than cores hand the core to
        // the thread we are waiting for; then park.
        match step {
            0..SPIN_STEPS => {
                for _ in 0..1u32 << step {
                    core::hint::spin_loop();
                }
                true
            }
            SPIN_STEPS..YIELD_STEPS => {
                std::thread::yield_now();
                true
            }
            _ => false,
        }
    }
    // ANCHOR_END: std_backoff
    fn now() -> Duration {
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }
}
// ANCHOR_END: std_backend

/// Backoff steps that spin, then the step past the last one that yields.
const SPIN_STEPS: u32 = 6;
const YIELD_STEPS: u32 = SPIN_STEPS + 4;

/// The number of cores available to this process (at least 1).
pub(crate) fn available_parallelism() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Whether this OS thread is unwinding from a panic. Not a sync primitive,
/// but not exact under the model checkers either: loom and shuttle run
/// their simulated threads as coroutines on one OS thread, so a switch in
/// the middle of one thread's unwinding shows `true` to the others. Only a
/// pool's `Drop` asks, to close without waiting rather than join.
pub(crate) fn panicking() -> bool {
    std::thread::panicking()
}
