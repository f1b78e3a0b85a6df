//! Task handles: a one-shot slot that a worker fills exactly once and the
//! submitter waits on. Built from a mutex and a condition variable.

use crate::error::TaskError;
use crate::sync::{Arc, Backend, Condvar, Mutex};
use crate::task::TaskId;
use core::fmt;

enum State<T> {
    Pending,
    Ready(Result<T, TaskError>),
    Taken,
    /// The handle was dropped before the outcome came: nobody will take it.
    Abandoned,
}

struct Slot<B: Backend, T: Send> {
    state: Mutex<B, State<T>>,
    ready: Condvar<B>,
}

/// The submitter's side: waits for the task's outcome.
///
/// A handle resolves exactly once: with the task's value, with
/// [`TaskError::Panicked`], or with `Cancelled`/`Discarded` if the task never
/// ran. Every path that drops an unrun task resolves its handle, so `join`
/// never hangs once the pool has shut down.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(2).build().unwrap();
/// let handle = pool.submit(|| "done").unwrap();
/// assert_eq!(handle.join(), Ok("done"));
/// ```
pub struct TaskHandle<B: Backend, T: Send> {
    id: TaskId,
    slot: Arc<B, Slot<B, T>>,
}

/// The worker's side: resolves the handle once. Dropping an unresolved
/// promise resolves it as cancelled, so no handle can wait forever.
pub(crate) struct Promise<B: Backend, T: Send> {
    id: TaskId,
    slot: Option<Arc<B, Slot<B, T>>>,
}

/// Creates a connected promise and handle.
pub(crate) fn pair<B: Backend, T: Send>(id: TaskId) -> (Promise<B, T>, TaskHandle<B, T>) {
    let slot = Arc::new(Slot {
        state: Mutex::new(State::Pending),
        ready: Condvar::new(),
    });
    (
        Promise {
            id,
            slot: Some(slot.clone()),
        },
        TaskHandle { id, slot },
    )
}

// ANCHOR: promise_resolve
impl<B: Backend, T: Send> Promise<B, T> {
    /// Resolves the handle; later calls do nothing (it resolves once).
    ///
    /// If the handle is already gone, the outcome comes back instead of
    /// being dropped here: it is user data whose `Drop` may panic or call
    /// into the pool, and the caller (a worker, under the pool's lock) must
    /// drop it outside the lock and inside a panic boundary.
    #[must_use = "an outcome nobody waits for must be dropped outside the pool's lock"]
    pub(crate) fn resolve(
        &mut self,
        outcome: Result<T, TaskError>,
    ) -> Option<Result<T, TaskError>> {
        let slot = self.slot.take()?;
        let mut state = slot.state.lock();
        if matches!(*state, State::Abandoned) {
            return Some(outcome);
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
impl<B: Backend, T: Send> Drop for Promise<B, T> {
    fn drop(&mut self) {
        let id = self.id;
        // An error carries no user data: dropping it here is harmless.
        let _ = self.resolve(Err(TaskError::Cancelled(id)));
    }
}

/// A dropped handle gives up the outcome: a pending one is marked
/// abandoned, so the worker drops the value itself (outside the pool's
/// lock); a ready one is dropped here, on the thread that owned the handle.
/// Either way the shared slot never holds user data when it is freed,
/// whichever side lets go of it last.
impl<B: Backend, T: Send> Drop for TaskHandle<B, T> {
    fn drop(&mut self) {
        let mut state = self.slot.state.lock();
        let outcome = match &*state {
            State::Pending => {
                *state = State::Abandoned;
                None
            }
            State::Ready(_) => Some(core::mem::replace(&mut *state, State::Taken)),
            State::Taken | State::Abandoned => None,
        };
        drop(state);
        drop(outcome);
    }
}
// ANCHOR_END: promise_drop

impl<B: Backend, T: Send> TaskHandle<B, T> {
    /// The task's id (ids count accepted tasks from 0).
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// Whether the outcome is ready, so `join` would not block.
    pub fn is_finished(&self) -> bool {
        !matches!(*self.slot.state.lock(), State::Pending)
    }

    // ANCHOR: blocking_join
    /// Blocks until the task has an outcome and returns it.
    pub fn join(self) -> Result<T, TaskError> {
        let guard = self.slot.state.lock();
        let mut guard = self
            .slot
            .ready
            .wait_while(guard, |state| matches!(state, State::Pending));
        match core::mem::replace(&mut *guard, State::Taken) {
            State::Ready(outcome) => outcome,
            // `join` consumes the handle, so the outcome is taken only once.
            State::Pending | State::Taken | State::Abandoned => {
                unreachable!("task handle joined twice")
            }
        }
    }
    // ANCHOR_END: blocking_join
}

impl<B: Backend, T: Send> fmt::Debug for TaskHandle<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskHandle")
            .field("id", &self.id)
            .field("finished", &self.is_finished())
            .finish()
    }
}
