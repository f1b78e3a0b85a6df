//! Named threads on any backend: spawn, join, identity, yield.

use super::backend::{Backend, PanicPayload};
use core::fmt;

// ANCHOR: spawn_join
/// Spawns a thread called `name` on backend `B`. Names show up in panic
/// messages and in the checkers' failure reports, so always give one.
///
/// ```
/// use executor::sync::{thread, Std};
/// let h = thread::spawn::<Std, _, _>("adder".into(), || 2 + 2).unwrap();
/// assert_eq!(h.join().unwrap(), 4);
/// ```
#[track_caller]
pub fn spawn<B, F, T>(name: String, f: F) -> std::io::Result<JoinHandle<B, T>>
where
    B: Backend,
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    B::spawn(name, f).map(JoinHandle)
}

/// Owned permission to join a thread spawned by [`spawn`].
pub struct JoinHandle<B: Backend, T: Send + 'static>(B::JoinHandle<T>);

impl<B: Backend, T: Send + 'static> JoinHandle<B, T> {
    /// Waits for the thread; `Err` carries its panic payload.
    #[track_caller]
    pub fn join(self) -> Result<T, PanicPayload> {
        B::join(self.0)
    }
    /// The identity of the thread.
    pub fn id(&self) -> B::ThreadId {
        B::handle_id(&self.0)
    }
}
// ANCHOR_END: spawn_join

impl<B: Backend, T: Send + 'static> fmt::Debug for JoinHandle<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JoinHandle({:?})", self.id())
    }
}

/// The calling thread's identity.
///
/// ```
/// use executor::sync::{thread, Std};
/// assert_eq!(thread::current_id::<Std>(), thread::current_id::<Std>());
/// ```
pub fn current_id<B: Backend>() -> B::ThreadId {
    B::current_id()
}

/// The calling thread's name, if any.
///
/// ```
/// use executor::sync::{thread, Std};
/// let h = thread::spawn::<Std, _, _>("named".into(), thread::current_name::<Std>).unwrap();
/// assert_eq!(h.join().unwrap().as_deref(), Some("named"));
/// ```
pub fn current_name<B: Backend>() -> Option<String> {
    B::current_name()
}

/// Offers the processor to another thread (a scheduling point under the
/// checkers).
///
/// ```
/// executor::sync::thread::yield_now::<executor::sync::Std>();
/// ```
pub fn yield_now<B: Backend>() {
    B::yield_now()
}
