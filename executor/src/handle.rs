//! Task handles: the submitter's side of a task's one-shot slot. Wait for
//! the outcome (with or without a deadline), poll it, take the task back
//! before it starts, or hand the outcome to a callback instead.

use crate::error::TaskError;
use crate::promise::{Origin, Slot, State};
use crate::queue::Shared;
use crate::sync::{Arc, Backend, MutexGuard};
use crate::task::{TaskId, drop_quietly, run_quietly};
use crate::worker::help;
use core::fmt;
use core::time::Duration;

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
pub struct TaskHandle<B: Backend, T: Send + 'static> {
    id: TaskId,
    slot: Arc<B, Slot<B, T>>,
    origin: Option<Origin<B>>,
}

/// What a handle that gave up waiting returns: the outcome, or the handle
/// itself (not finished yet) to wait again, cancel or drop.
///
/// ```
/// use executor::{Executor, Polled, sync::Std};
/// let pool = Executor::builder().build().unwrap();
/// let polled: Polled<Std, u8> = pool.submit(|| 1).unwrap().try_join();
/// let outcome = polled.unwrap_or_else(|pending| pending.join());
/// assert_eq!(outcome, Ok(1));
/// ```
pub type Polled<B, T> = Result<Result<T, TaskError>, TaskHandle<B, T>>;

impl<B: Backend, T: Send + 'static> TaskHandle<B, T> {
    pub(crate) fn new(id: TaskId, slot: Arc<B, Slot<B, T>>, origin: Option<Origin<B>>) -> Self {
        Self { id, slot, origin }
    }

    /// The task's id (ids count accepted tasks from 0).
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// Whether the outcome is ready, so `join` would not block.
    pub fn is_finished(&self) -> bool {
        !matches!(*self.slot.state.lock(), State::Pending)
    }

    // ANCHOR: blocking_join
    /// Blocks until the task has an outcome and returns it. From inside a
    /// task, joining a task queued behind it on a lane only its worker
    /// serves runs the lane's tasks up to it rather than hang.
    pub fn join(self) -> Result<T, TaskError> {
        self.help_instead_of_waiting();
        let guard = self.slot.state.lock();
        let guard = self
            .slot
            .ready
            .wait_while(guard, |state| matches!(state, State::Pending));
        take(guard)
    }
    // ANCHOR_END: blocking_join

    // ANCHOR: help_instead_of_waiting
    /// From inside a task, the task this handle waits for may be queued on
    /// a lane that only the calling worker serves: it could only start
    /// after the caller returns, so waiting would wait for itself. The
    /// caller then runs that lane's tasks, in order, up to and including
    /// it, as it would have next anyway. Checked only while the outcome is
    /// pending, so a join of a finished task costs nothing more.
    fn help_instead_of_waiting(&self) {
        let Some(origin) = &self.origin else {
            return;
        };
        if self.is_finished() {
            return;
        }
        let shared = &origin.shared;
        let mut state = shared.state.lock();
        while Shared::<B>::is_queued(&state, origin.lane, self.id) {
            let Some(me) = shared.serves_alone(&state, origin.lane) else {
                break;
            };
            let ran;
            (state, ran) = help(shared, state, origin.lane, me);
            if !ran {
                break;
            }
        }
    }
    // ANCHOR_END: help_instead_of_waiting

    // ANCHOR: join_timeout
    /// Waits up to `timeout` for the outcome. On timeout the handle comes
    /// back in `Err`, untouched: wait again, [`cancel`](Self::cancel) or
    /// drop it. The timeout bounds the wait only; under the model checkers
    /// it never fires.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let slow = pool.submit(move || rx.recv().unwrap()).unwrap();
    /// let slow = slow.join_timeout(Duration::from_millis(10)).unwrap_err(); // not yet
    /// tx.send(()).unwrap();
    /// assert_eq!(slow.join_timeout(Duration::from_secs(60)).unwrap(), Ok(()));
    /// ```
    pub fn join_timeout(self, timeout: Duration) -> Polled<B, T> {
        let guard = self.slot.state.lock();
        let (guard, timed_out) = self
            .slot
            .ready
            .wait_while_timeout(guard, timeout, |state| matches!(state, State::Pending));
        if timed_out {
            drop(guard);
            return Err(self);
        }
        Ok(take(guard))
    }
    // ANCHOR_END: join_timeout

    /// The outcome if it is ready, else the handle back, without blocking.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let mut handle = pool.submit(|| 5).unwrap();
    /// let outcome = loop {
    ///     match handle.try_join() {
    ///         Ok(outcome) => break outcome,
    ///         Err(pending) => { handle = pending; std::thread::yield_now(); }
    ///     }
    /// };
    /// assert_eq!(outcome, Ok(5));
    /// ```
    pub fn try_join(self) -> Polled<B, T> {
        let guard = self.slot.state.lock();
        if matches!(*guard, State::Pending) {
            drop(guard);
            return Err(self);
        }
        Ok(take(guard))
    }

    // ANCHOR: cancel
    /// Takes the task off the queue if it has not started: its handle then
    /// says [`TaskError::Cancelled`], its slot in the queue is free at once,
    /// and `true` comes back. Once the task runs (or ran, or was run on the
    /// caller), this does nothing and returns `false`. A running task can
    /// only stop itself: see [`Pool::cancel_signal`](crate::Pool::cancel_signal).
    ///
    /// ```
    /// use executor::{Executor, TaskError};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap()).unwrap();
    /// let queued = pool.submit(|| "never runs").unwrap(); // behind `busy`
    /// let id = queued.id();
    /// assert!(queued.cancel());
    /// assert_eq!(queued.join(), Err(TaskError::Cancelled(id)));
    /// tx.send(()).unwrap();
    /// assert_eq!(busy.join(), Ok(()));
    /// ```
    pub fn cancel(&self) -> bool {
        let Some(origin) = &self.origin else {
            return false;
        };
        let Some(mut entry) = origin.shared.take_queued(origin.lane, self.id) else {
            return false;
        };
        // Our handle is alive and not a callback: nothing is owed back.
        run_quietly(entry.job.cancel(TaskError::Cancelled(self.id)));
        // The closure is user data: drop it inside a panic boundary.
        drop_quietly(entry);
        true
    }
    // ANCHOR_END: cancel

    // ANCHOR: on_complete
    /// Hands the outcome to `callback` instead of a `join`: it runs exactly
    /// once, on the thread that resolves the task (a worker after the run,
    /// or whoever cancels or discards it), never under the pool's lock, and
    /// with a panic caught there. If the task has already finished, it runs
    /// now, on this thread, like any call (its panic is this thread's).
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel();
    /// pool.submit(|| 6 * 7).unwrap().on_complete(move |outcome| tx.send(outcome).unwrap());
    /// assert_eq!(rx.recv().unwrap(), Ok(42));
    /// ```
    pub fn on_complete<C>(self, callback: C)
    where
        C: FnOnce(Result<T, TaskError>) + Send + 'static,
    {
        let mut guard = self.slot.state.lock();
        if matches!(*guard, State::Pending) {
            *guard = State::Callback(Box::new(callback));
            return; // the handle's drop sees a callback and leaves it
        }
        callback(take(guard));
    }
    // ANCHOR_END: on_complete
}

/// Takes the outcome out of a resolved slot.
fn take<T>(mut guard: MutexGuard<'_, impl Backend, State<T>>) -> Result<T, TaskError>
where
    T: Send,
{
    match core::mem::replace(&mut *guard, State::Taken) {
        State::Ready(outcome) => outcome,
        // Every taker consumes the handle, so the outcome is taken once.
        State::Pending | State::Taken | State::Abandoned | State::Callback(_) => {
            unreachable!("a task's outcome taken twice")
        }
    }
}

// ANCHOR: handle_drop
/// A dropped handle gives up the outcome: a pending one is marked
/// abandoned, so the worker drops the value itself (outside the pool's
/// lock); a ready one is dropped here, on the thread that owned the handle.
/// Either way the shared slot never holds user data when it is freed,
/// whichever side lets go of it last.
impl<B: Backend, T: Send + 'static> Drop for TaskHandle<B, T> {
    fn drop(&mut self) {
        let mut state = self.slot.state.lock();
        let outcome = match &*state {
            State::Pending => {
                *state = State::Abandoned;
                None
            }
            State::Ready(_) => Some(core::mem::replace(&mut *state, State::Taken)),
            State::Taken | State::Abandoned | State::Callback(_) => None,
        };
        drop(state);
        drop(outcome);
    }
}
// ANCHOR_END: handle_drop

impl<B: Backend, T: Send + 'static> fmt::Debug for TaskHandle<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskHandle")
            .field("id", &self.id)
            .field("finished", &self.is_finished())
            .finish()
    }
}
