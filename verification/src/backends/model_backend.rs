//! One definition of a model-checked backend, instantiated for loom and for
//! shuttle: both crates mirror `std::sync`, so only the crate path and the
//! spurious wake-up policy differ.

// ANCHOR: model_backend_head
/// Defines a `Backend` over a checker crate that mirrors `std`.
///
/// The guard keeps a reference to its mutex so a condition-variable wait
/// can be turned into a *spurious wake-up*: unlock, yield (a scheduling
/// point), re-lock, and return without a notification. `$spurious` decides,
/// deterministically under the checker, when to do that. The invoking module
/// defines `type Cell<T>` (its `UnsafeCell`) and implements `CellAccess` for it.
macro_rules! model_backend {
    ($(#[$doc:meta])* $name:ident, $krate:ident, $label:literal, spurious = $spurious:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        executor::impl_atomics!($name, $krate::sync::atomic, trace = $crate::trace::atomic);
        // ANCHOR_END: model_backend_head

        /// A guard that remembers its mutex, so a wait can re-lock it.
        pub struct Guard<'a, T> {
            mutex: &'a $krate::sync::Mutex<T>,
            guard: $krate::sync::MutexGuard<'a, T>,
        }

        impl<T> ::core::ops::Deref for Guard<'_, T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.guard
            }
        }

        impl<T> ::core::ops::DerefMut for Guard<'_, T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.guard
            }
        }

        /// A primitive's identity in the trace: its address, stable while
        /// it is in use.
        fn address<T: ?Sized>(x: &T) -> usize {
            (x as *const T).cast::<()>() as usize
        }

        fn lock_inner<T>(mutex: &$krate::sync::Mutex<T>) -> $krate::sync::MutexGuard<'_, T> {
            // No poisoning, like parking_lot: take the data as it is.
            mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
        }

        // ANCHOR: model_backend_types
        impl executor::sync::Backend for $name {
            const NAME: &'static str = $label;

            type Mutex<T: Send> = $krate::sync::Mutex<T>;
            type Guard<'a, T: Send + 'a> = Guard<'a, T>;
            type Condvar = $krate::sync::Condvar;
            type AtomicUsize = $krate::sync::atomic::AtomicUsize;
            type AtomicU64 = $krate::sync::atomic::AtomicU64;
            type AtomicBool = $krate::sync::atomic::AtomicBool;
            type UnsafeCell<T> = Cell<T>;
            type Arc<T: Send + Sync> = $krate::sync::Arc<T>;
            type JoinHandle<T: Send + 'static> = $krate::thread::JoinHandle<T>;
            type ThreadId = $krate::thread::ThreadId;

            fn mutex<T: Send>(value: T) -> Self::Mutex<T> {
                $krate::sync::Mutex::new(value)
            }
            #[track_caller]
            fn lock<'a, T: Send>(mutex: &'a Self::Mutex<T>) -> Self::Guard<'a, T> {
                let me = $crate::trace::enter("lock", ::std::panic::Location::caller());
                let guard = lock_inner(mutex);
                $crate::trace::acquired(address(mutex));
                $crate::trace::leave(&me);
                Guard { mutex, guard }
            }
            // ANCHOR_END: model_backend_types
            fn condvar() -> Self::Condvar {
                $krate::sync::Condvar::new()
            }
            // ANCHOR: model_backend_wait
            #[track_caller]
            fn wait<'a, T: Send>(cv: &Self::Condvar, guard: Self::Guard<'a, T>) -> Self::Guard<'a, T> {
                let at = ::std::panic::Location::caller();
                let Guard { mutex, guard } = guard;
                if $spurious() {
                    $crate::trace::step("spurious", at);
                    drop(guard);
                    $krate::thread::yield_now();
                    let guard = lock_inner(mutex);
                    $crate::trace::acquired(address(mutex));
                    return Guard { mutex, guard };
                }
                let me = $crate::trace::enter_wait(at, address(mutex), address(cv));
                let guard = cv.wait(guard).unwrap_or_else(|poisoned| poisoned.into_inner());
                $crate::trace::leave(&me);
                Guard { mutex, guard }
            }
            #[track_caller]
            fn wait_timeout<'a, T: Send>(
                cv: &Self::Condvar,
                guard: Self::Guard<'a, T>,
                _timeout: ::core::time::Duration,
            ) -> (Self::Guard<'a, T>, bool) {
                // Time does not pass under the checker: never time out.
                (Self::wait(cv, guard), false)
            }
            // ANCHOR_END: model_backend_wait
            #[track_caller]
            fn notify_one(cv: &Self::Condvar) {
                $crate::trace::notify("notify_one", ::std::panic::Location::caller(), address(cv));
                cv.notify_one();
            }
            #[track_caller]
            fn notify_all(cv: &Self::Condvar) {
                $crate::trace::notify("notify_all", ::std::panic::Location::caller(), address(cv));
                cv.notify_all();
            }
            fn arc<T: Send + Sync>(value: T) -> Self::Arc<T> {
                $krate::sync::Arc::new(value)
            }
            #[track_caller]
            fn spawn<F, T>(name: String, f: F) -> std::io::Result<Self::JoinHandle<T>>
            where
                F: FnOnce() -> T + Send + 'static,
                T: Send + 'static,
            {
                $crate::trace::spawned(&name, ::std::panic::Location::caller());
                let thread = name.clone();
                // Record a panic that escapes the thread, with its name,
                // from the thread itself (the panic hook must not ask the
                // checker which thread is running).
                let body = move || match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(f)) {
                    Ok(value) => value,
                    Err(payload) => {
                        let message = executor::panic_message(payload.as_ref());
                        $crate::trace::panicked(&thread, message);
                        ::std::panic::resume_unwind(payload)
                    }
                };
                $krate::thread::Builder::new().name(name).spawn(body)
            }
            #[track_caller]
            fn join<T: Send + 'static>(
                handle: Self::JoinHandle<T>,
            ) -> Result<T, executor::sync::PanicPayload> {
                let me = $crate::trace::enter("join", ::std::panic::Location::caller());
                let result = handle.join();
                $crate::trace::leave(&me);
                result
            }
            fn handle_id<T: Send + 'static>(handle: &Self::JoinHandle<T>) -> Self::ThreadId {
                handle.thread().id()
            }
            fn current_id() -> Self::ThreadId {
                $krate::thread::current().id()
            }
            fn current_name() -> Option<String> {
                $krate::thread::current().name().map(str::to_owned)
            }
            fn yield_now() {
                $krate::thread::yield_now();
            }
            #[track_caller]
            fn fence(order: ::core::sync::atomic::Ordering) {
                $krate::sync::atomic::fence(order);
                $crate::trace::atomic(
                    "fence",
                    order,
                    format_args!(""),
                    ::std::panic::Location::caller(),
                );
            }
            fn now() -> ::core::time::Duration {
                ::core::time::Duration::ZERO
            }
        }
    };
}

pub(crate) use model_backend;
