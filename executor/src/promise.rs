//! The one-shot slot behind a task handle, and the worker's side of it: a
//! mutex and a condition variable, filled exactly once.

use crate::error::TaskError;
use crate::queue::Shared;
use crate::sync::{Arc, Backend, Condvar, Mutex};
use crate::task::{Leftover, TaskId};

/// A completion callback, waiting in the slot for the outcome.
pub(crate) type Callback<T> = Box<dyn FnOnce(Result<T, TaskError>) + Send>;

pub(crate) enum State<T> {
    Pending,
    Ready(Result<T, TaskError>),
    Taken,
    /// The handle was dropped before the outcome came: nobody will take it.
    Abandoned,
    /// The handle became this callback: the outcome goes to it, once.
    Callback(Callback<T>),
}

pub(crate) struct Slot<B: Backend, T: Send> {
    pub(crate) state: Mutex<B, State<T>>,
    pub(crate) ready: Condvar<B>,
}

/// Where a queued task lives, so its handle can take it back off the queue
/// ([`TaskHandle::cancel`](crate::TaskHandle::cancel)).
pub(crate) struct Origin<B: Backend> {
    pub(crate) shared: Arc<B, Shared<B>>,
    pub(crate) lane: usize,
}

/// The worker's side: resolves the handle once. Dropping an unresolved
/// promise resolves it as cancelled, so no handle can wait forever.
pub(crate) struct Promise<B: Backend, T: Send + 'static> {
    id: TaskId,
    slot: Option<Arc<B, Slot<B, T>>>,
}

/// Creates a connected promise and handle.
pub(crate) fn pair<B: Backend, T: Send + 'static>(
    id: TaskId,
    origin: Option<Origin<B>>,
) -> (Promise<B, T>, crate::TaskHandle<B, T>) {
    let slot = Arc::new(Slot {
        state: Mutex::new(State::Pending),
        ready: Condvar::new(),
    });
    (
        Promise {
            id,
            slot: Some(slot.clone()),
        },
        crate::handle::TaskHandle::new(id, slot, origin),
    )
}

// ANCHOR: promise_resolve
impl<B: Backend, T: Send + 'static> Promise<B, T> {
    /// Resolves the handle; later calls do nothing (it resolves once).
    ///
    /// If the handle is gone, or became a completion callback, the user
    /// code still owed comes back instead of running here: a `Drop` or a
    /// callback may panic or call into the pool, and the caller (a worker,
    /// under the pool's lock) runs it outside the lock and inside a panic
    /// boundary.
    #[must_use = "user code must run outside the pool's lock"]
    pub(crate) fn resolve(&mut self, outcome: Result<T, TaskError>) -> Option<Leftover> {
        let slot = self.slot.take()?;
        let mut state = slot.state.lock();
        match core::mem::replace(&mut *state, State::Taken) {
            State::Abandoned => return Some(Box::new(move || drop(outcome))),
            State::Callback(callback) => return Some(Box::new(move || callback(outcome))),
            State::Pending | State::Ready(_) | State::Taken => {}
        }
        *state = State::Ready(outcome);
        drop(state);
        // notify_all: a handle has one owner, but waking "all" costs the
        // same and stays right if that ever changes.
        slot.ready.notify_all();
        None
    }
}
// ANCHOR_END: promise_resolve

// ANCHOR: promise_drop
impl<B: Backend, T: Send + 'static> Drop for Promise<B, T> {
    fn drop(&mut self) {
        let id = self.id;
        // Only a job dropped unrun and unresolved gets here, never under
        // the pool's lock; a callback owed is run now, quietly.
        crate::task::run_quietly(self.resolve(Err(TaskError::Cancelled(id))));
    }
}
// ANCHOR_END: promise_drop
