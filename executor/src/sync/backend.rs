//! The `Backend` trait: every synchronisation primitive the executor touches.
//!
//! The executor is written once against this trait. Production code runs on
//! [`Std`](super::Std) (parking_lot plus std atomics and threads); the
//! `verification` crate supplies loom and shuttle backends so the *same* code
//! is explored by the model checkers. A primitive that bypasses this trait is
//! invisible to the checkers: they would hang on it or miss its bugs.

use core::any::Any;
use core::fmt::Debug;
use core::ops::{Deref, DerefMut};
use core::sync::atomic::Ordering;
use core::time::Duration;

/// The payload a panicking thread leaves behind, as returned by `join`.
pub type PanicPayload = Box<dyn Any + Send + 'static>;

// ANCHOR: backend_trait
/// A family of synchronisation primitives: mutex, condition variable,
/// atomics, `UnsafeCell`, `Arc`, threads and a clock.
///
/// Implementors are zero-sized marker types. Code is generic over `B:
/// Backend` and uses the thin wrappers in [`crate::sync`] (`Mutex<B, T>`,
/// `Condvar<B>`, ...) rather than calling these functions directly.
///
/// ```
/// use executor::sync::{Backend, Mutex, Std};
///
/// fn bump<B: Backend>(m: &Mutex<B, u32>) -> u32 {
///     let mut g = m.lock();
///     *g += 1;
///     *g
/// }
/// assert_eq!(bump::<Std>(&Mutex::new(41)), 42);
/// ```
pub trait Backend: Sized + Send + Sync + 'static {
    /// A short name for reports ("std", "loom", "shuttle").
    const NAME: &'static str;

    // ANCHOR: primitive_types
    /// A mutual-exclusion lock around a `T`.
    type Mutex<T: Send>: Send + Sync;
    /// Proof of holding the lock; unlocks on drop.
    type Guard<'a, T: Send + 'a>: DerefMut<Target = T>;
    /// A condition variable used with [`Self::Guard`].
    type Condvar: Send + Sync;
    /// A word-sized atomic counter.
    type AtomicUsize: AtomicInt<Self, usize>;
    /// A 64-bit atomic counter.
    type AtomicU64: AtomicInt<Self, u64>;
    /// An atomic flag.
    type AtomicBool: AtomicFlag<Self>;
    /// Interior mutability with loom's `with`/`with_mut` shape.
    type UnsafeCell<T>: CellAccess<Self, T>;
    /// A reference-counted pointer (loom's checks it for leaks).
    type Arc<T: Send + Sync>: Clone + Deref<Target = T> + Send + Sync;
    /// An owned permission to join a spawned thread.
    type JoinHandle<T: Send + 'static>: Send;
    /// A thread's identity, comparable with `==`.
    type ThreadId: Copy + Eq + Debug + Send + Sync;
    // ANCHOR_END: primitive_types

    /// Creates a mutex.
    fn mutex<T: Send>(value: T) -> Self::Mutex<T>;
    /// Blocks until the lock is held. No poisoning: a panic while holding
    /// the lock leaves the data as it was, as parking_lot does.
    fn lock<'a, T: Send>(mutex: &'a Self::Mutex<T>) -> Self::Guard<'a, T>;

    /// Creates a condition variable.
    fn condvar() -> Self::Condvar;
    /// Atomically releases the guard's lock and blocks until notified (or
    /// woken spuriously), then re-acquires the lock.
    fn wait<'a, T: Send>(cv: &Self::Condvar, guard: Self::Guard<'a, T>) -> Self::Guard<'a, T>;
    /// As [`Self::wait`], giving up after `timeout`; `true` means timed out.
    /// The model-checking backends never time out: correctness must never
    /// depend on a timeout firing.
    fn wait_timeout<'a, T: Send>(
        cv: &Self::Condvar,
        guard: Self::Guard<'a, T>,
        timeout: Duration,
    ) -> (Self::Guard<'a, T>, bool);
    /// Wakes one waiter, if any.
    fn notify_one(cv: &Self::Condvar);
    /// Wakes every waiter.
    fn notify_all(cv: &Self::Condvar);

    /// Creates an `Arc`.
    fn arc<T: Send + Sync>(value: T) -> Self::Arc<T>;

    /// Spawns a named thread.
    fn spawn<F, T>(name: String, f: F) -> std::io::Result<Self::JoinHandle<T>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static;
    /// Waits for the thread to finish; `Err` carries its panic payload.
    fn join<T: Send + 'static>(handle: Self::JoinHandle<T>) -> Result<T, PanicPayload>;
    /// The identity of the thread behind a handle.
    fn handle_id<T: Send + 'static>(handle: &Self::JoinHandle<T>) -> Self::ThreadId;
    /// The identity of the calling thread.
    fn current_id() -> Self::ThreadId;
    /// The calling thread's name, if it has one.
    fn current_name() -> Option<String>;
    /// Offers the processor (and, under a checker, a scheduling point).
    fn yield_now();

    /// A memory fence. Only `SeqCst` fences matter here: the parking
    /// protocol puts one between its write and its read on each side.
    fn fence(order: Ordering);

    /// One step of a waiter's backoff before it parks (see
    /// [`Parking`](crate::parking::Parking)): spin or yield for step `step`
    /// (0, 1, 2 ...) and return `true`, or return `false` once parking is
    /// cheaper than waiting longer. The default parks at once, which keeps
    /// a model checker's state space small: spinning only re-checks a
    /// condition, so it adds no interleaving worth exploring.
    fn backoff(step: u32) -> bool {
        let _ = step;
        false
    }

    /// Monotonic time since an arbitrary origin. Model-checking backends
    /// return a constant: time does not pass, so timeouts never fire.
    fn now() -> Duration;
}
// ANCHOR_END: backend_trait

/// Operations of an atomic integer. `B` ties the impl to one backend, which
/// lets a backend crate implement it for a foreign atomic type.
pub trait AtomicInt<B, V: Copy>: Send + Sync + Sized {
    /// Creates the atomic.
    fn new(value: V) -> Self;
    /// Loads the value.
    fn load(&self, order: Ordering) -> V;
    /// Stores a value.
    fn store(&self, value: V, order: Ordering);
    /// Stores a value, returning the previous one.
    fn swap(&self, value: V, order: Ordering) -> V;
    /// Stores `new` if the value is `current`; returns the previous value.
    fn compare_exchange(
        &self,
        current: V,
        new: V,
        success: Ordering,
        failure: Ordering,
    ) -> Result<V, V>;
    /// Adds, returning the previous value (wrapping).
    fn fetch_add(&self, value: V, order: Ordering) -> V;
    /// Subtracts, returning the previous value (wrapping).
    fn fetch_sub(&self, value: V, order: Ordering) -> V;
}

/// Operations of an atomic boolean.
pub trait AtomicFlag<B>: Send + Sync + Sized {
    /// Creates the flag.
    fn new(value: bool) -> Self;
    /// Loads the flag.
    fn load(&self, order: Ordering) -> bool;
    /// Stores the flag.
    fn store(&self, value: bool, order: Ordering);
    /// Stores a value, returning the previous one.
    fn swap(&self, value: bool, order: Ordering) -> bool;
}

/// Access to a cell's contents through raw pointers, in loom's shape: the
/// closure form lets loom check every access for a data race.
pub trait CellAccess<B, T>: Sized {
    /// Creates the cell.
    fn new(value: T) -> Self;
    /// Runs `f` with a shared pointer to the contents.
    fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R;
    /// Runs `f` with an exclusive pointer to the contents.
    fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R;
}

/// Implements [`AtomicInt`] and [`AtomicFlag`] for a backend whose atomics
/// mirror `std::sync::atomic` (std, loom and shuttle all do), so no backend
/// repeats the forwarding code. With `trace = hook`, every operation, once
/// it has taken effect, calls `hook(operation, ordering, values, caller's
/// location)`, where `values` shows what it wrote and read (` <- 1`,
/// ` -> 0`): the model backends record atomics in their failure traces
/// that way, so a report names the load that saw a stale value. After, not before: the checkers switch threads inside the
/// operation, so a step recorded on entry could land in the table before a
/// step that really happened first.
///
/// `impl_atomics!(MyBackend, path::to::atomic_module);`
#[macro_export]
macro_rules! impl_atomics {
    ($backend:ty, $module:path) => {
        $crate::impl_atomics!($backend, $module, trace = $crate::sync::no_trace);
    };
    ($backend:ty, $module:path, trace = $hook:path) => {
        $crate::impl_atomics!(@int $backend, $module, $hook, AtomicUsize, usize);
        $crate::impl_atomics!(@int $backend, $module, $hook, AtomicU64, u64);
        const _: () = {
            use $module as m;
            use ::core::sync::atomic::Ordering;
            use ::std::panic::Location;
            impl $crate::sync::AtomicFlag<$backend> for m::AtomicBool {
                fn new(value: bool) -> Self {
                    m::AtomicBool::new(value)
                }
                #[track_caller]
                fn load(&self, order: Ordering) -> bool {
                    let result = m::AtomicBool::load(self, order);
                    $hook("load", order, format_args!(" -> {result}"), Location::caller());
                    result
                }
                #[track_caller]
                fn store(&self, value: bool, order: Ordering) {
                    m::AtomicBool::store(self, value, order);
                    $hook("store", order, format_args!(" <- {value}"), Location::caller());
                }
                #[track_caller]
                fn swap(&self, value: bool, order: Ordering) -> bool {
                    let result = m::AtomicBool::swap(self, value, order);
                    $hook("swap", order, format_args!(" <- {value} -> {result}"), Location::caller());
                    result
                }
            }
        };
    };
    (@int $backend:ty, $module:path, $hook:path, $atomic:ident, $v:ty) => {
        const _: () = {
            use $module as m;
            use ::core::sync::atomic::Ordering;
            use ::std::panic::Location;
            impl $crate::sync::AtomicInt<$backend, $v> for m::$atomic {
                fn new(value: $v) -> Self {
                    m::$atomic::new(value)
                }
                #[track_caller]
                fn load(&self, order: Ordering) -> $v {
                    let result = m::$atomic::load(self, order);
                    $hook("load", order, format_args!(" -> {result}"), Location::caller());
                    result
                }
                #[track_caller]
                fn store(&self, value: $v, order: Ordering) {
                    m::$atomic::store(self, value, order);
                    $hook("store", order, format_args!(" <- {value}"), Location::caller());
                }
                #[track_caller]
                fn swap(&self, value: $v, order: Ordering) -> $v {
                    let result = m::$atomic::swap(self, value, order);
                    $hook("swap", order, format_args!(" <- {value} -> {result}"), Location::caller());
                    result
                }
                #[track_caller]
                fn compare_exchange(
                    &self,
                    current: $v,
                    new: $v,
                    success: Ordering,
                    failure: Ordering,
                ) -> Result<$v, $v> {
                    let result = m::$atomic::compare_exchange(self, current, new, success, failure);
                    // The success ordering names the operation; the result
                    // says which of the two orderings applied.
                    $hook(
                        "compare_exchange",
                        success,
                        format_args!(" {current} => {new} -> {result:?}"),
                        Location::caller(),
                    );
                    result
                }
                #[track_caller]
                fn fetch_add(&self, value: $v, order: Ordering) -> $v {
                    let result = m::$atomic::fetch_add(self, value, order);
                    $hook("fetch_add", order, format_args!(" +{value} -> {result}"), Location::caller());
                    result
                }
                #[track_caller]
                fn fetch_sub(&self, value: $v, order: Ordering) -> $v {
                    let result = m::$atomic::fetch_sub(self, value, order);
                    $hook("fetch_sub", order, format_args!(" -{value} -> {result}"), Location::caller());
                    result
                }
            }
        };
    };
}

/// The default atomic hook of [`impl_atomics!`]: does nothing (and
/// compiles to nothing).
#[inline(always)]
pub fn no_trace(
    _op: &'static str,
    _order: Ordering,
    _values: core::fmt::Arguments<'_>,
    _at: &'static std::panic::Location<'static>,
) {
}
