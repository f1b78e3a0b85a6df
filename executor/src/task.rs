//! A task as the queue holds it: a type-erased closure that runs under
//! `catch_unwind` and resolves its handle.

use crate::TaskHandle;
use crate::dead_letter::Attempt;
use crate::error::TaskError;
use crate::promise::{Origin, Promise, pair};
use crate::queue::Shared;
use crate::retry_job::Failure;
use crate::sync::{Arc, Backend};
use core::fmt;
use core::time::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A task's identity: the order in which the pool accepted it, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaskId(pub u64);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// How a task's run ended, as the metrics count it and the
/// [`after_task`](crate::Builder::after_task) hook reports it.
///
/// ```
/// use executor::Outcome;
/// assert_ne!(Outcome::Completed, Outcome::Panicked);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The task returned.
    Completed,
    /// The task panicked; the worker caught it.
    Panicked,
    /// A task with a retry policy returned an error: it runs again later,
    /// or goes to the dead-letter queue (see
    /// [`Pool::submit_retrying`](crate::Pool::submit_retrying)).
    Failed,
}

// ANCHOR: ended
/// How a run ended, as a job reports it to the pool (under its lock).
pub(crate) enum Ended {
    /// The task's last run: nothing of it comes back.
    Final(Outcome),
    /// A failed attempt of a task with a retry policy: the job itself comes
    /// back, for the pool to run again later or to bury as a dead letter.
    Failed(Box<dyn Job>, Failure),
}
// ANCHOR_END: ended

// ANCHOR: job_trait
/// A queued task with its result type erased.
pub(crate) trait Job: Send {
    /// Runs the closure, catching a panic, calls `account` with how it
    /// ended, and only then resolves the handle (unless [`Job::cancel`]
    /// already did). So a submitter that joins sees metrics that include it.
    /// Returns the user code still owed (a value whose handle is gone, to
    /// drop; a completion callback, to call): the caller runs it with
    /// [`run_quietly`], outside the pool's lock.
    #[must_use = "user code must run outside the pool's lock"]
    fn run(self: Box<Self>, account: &mut dyn FnMut(Ended)) -> Option<Leftover>;
    /// Resolves the handle without running; the closure stays runnable.
    /// Returns the completion callback to call, if one was registered.
    #[must_use = "user code must run outside the pool's lock"]
    fn cancel(&mut self, why: TaskError) -> Option<Leftover>;
    /// The task's id.
    fn id(&self) -> TaskId;
    /// Adds a failed attempt to the task's history (tasks with a retry
    /// policy keep one; others have no second attempt).
    fn record(&mut self, _attempt: Attempt) {}
    /// The failed attempts so far, oldest first.
    fn history(&self) -> &[Attempt] {
        &[]
    }
    /// Readies a dead letter to run again as task `id`, with its attempts
    /// counted afresh (its handle has already heard).
    fn rearm(&mut self, _id: TaskId) {}
    /// When it was queued, if it was stamped (a fast pool that keeps
    /// latency stamps its tasks; the locked pool keeps the time in its
    /// queue entry).
    fn enqueued(&self) -> Option<Duration> {
        None
    }
    /// The hash of its key, for its dead letter, if a partitioned fast
    /// pool queued it with a retry policy (the locked pool keeps the key
    /// in its queue entry; a fast ring keeps none).
    fn key(&self) -> Option<u64> {
        None
    }
}
// ANCHOR_END: job_trait

/// User code a resolution owes, to run outside the pool's lock: dropping a
/// value nobody will read (its handle was dropped first), or calling a
/// completion callback with the outcome.
pub(crate) type Leftover = Box<dyn FnOnce() + Send>;

// ANCHOR: drop_quietly
/// Drops user data inside a panic boundary: a `Drop` that panics must not
/// take the worker (or the submitter) with it. A panic payload that panics
/// again when dropped is leaked rather than dropped.
pub(crate) fn drop_quietly<V>(value: V) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(move || drop(value))) {
        core::mem::forget(payload);
    }
}

/// Runs what a resolution owes (see [`Leftover`]) inside a panic boundary.
pub(crate) fn run_quietly(leftover: Option<Leftover>) {
    if let Some(Err(payload)) = leftover.map(|code| catch_unwind(AssertUnwindSafe(code))) {
        drop_quietly(payload);
    }
}
// ANCHOR_END: drop_quietly

struct Packaged<B: Backend, F, T: Send + 'static> {
    f: F,
    promise: Promise<B, T>,
    id: TaskId,
}

impl<B, F, T> Job for Packaged<B, F, T>
where
    B: Backend,
    F: FnOnce() -> T + Send,
    T: Send + 'static,
{
    // ANCHOR: job_run
    fn run(self: Box<Self>, account: &mut dyn FnMut(Ended)) -> Option<Leftover> {
        let Packaged { f, mut promise, id } = *self;
        // AssertUnwindSafe: after a panic the closure is gone and the only
        // state we touch is the promise, which the panic could not reach.
        let result = catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
            let message = panic_message(payload.as_ref());
            // The payload is user data too: its `Drop` may panic.
            drop_quietly(payload);
            TaskError::Panicked { id, message }
        });
        account(Ended::Final(if result.is_ok() {
            Outcome::Completed
        } else {
            Outcome::Panicked
        }));
        promise.resolve(result)
    }
    // ANCHOR_END: job_run

    fn cancel(&mut self, why: TaskError) -> Option<Leftover> {
        self.promise.resolve(Err(why))
    }

    fn id(&self) -> TaskId {
        self.id
    }
}

/// Where a job is queued (the pool's shared state and the lane), for a
/// handle to find it again; none for a task run on the caller.
pub(crate) type Place<'a, B> = Option<(&'a Arc<B, Shared<B>>, usize)>;

/// Wraps `f` as a job with a fresh handle, which can take the job back off
/// its lane while it waits there.
pub(crate) fn package<B, F, T>(
    id: TaskId,
    f: F,
    place: Place<'_, B>,
) -> (Box<dyn Job>, TaskHandle<B, T>)
where
    B: Backend,
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let origin = place.map(|(shared, lane)| Origin {
        shared: shared.clone(),
        lane,
    });
    let (promise, handle) = pair(id, origin);
    (Box::new(Packaged { f, promise, id }), handle)
}

// ANCHOR: detached
/// A task without a handle ([`Pool::execute`](crate::Pool::execute)): no
/// slot to allocate, nobody to notify. A panic is counted and its message
/// goes to the `after_task` hook's outcome, nowhere else.
struct Detached<F> {
    f: F,
    id: TaskId,
}

impl<F: FnOnce() + Send> Job for Detached<F> {
    fn run(self: Box<Self>, account: &mut dyn FnMut(Ended)) -> Option<Leftover> {
        let Detached { f, .. } = *self;
        // AssertUnwindSafe: nothing of the closure is touched after a panic.
        let result = catch_unwind(AssertUnwindSafe(f));
        account(Ended::Final(match result {
            Ok(()) => Outcome::Completed,
            Err(payload) => {
                drop_quietly(payload);
                Outcome::Panicked
            }
        }));
        None
    }

    fn cancel(&mut self, _why: TaskError) -> Option<Leftover> {
        None // no handle to resolve
    }

    fn id(&self) -> TaskId {
        self.id
    }
}
// ANCHOR_END: detached

/// Wraps `f` as a job nobody waits for.
pub(crate) fn detached<B: Backend, F: FnOnce() + Send + 'static>(
    id: TaskId,
    f: F,
    _place: Place<'_, B>,
) -> (Box<dyn Job>, ()) {
    (Box::new(Detached { f, id }), ())
}

/// The text of a panic payload, as `panic!` with a string produces (what
/// [`TaskError::Panicked`] carries).
///
/// ```
/// let payload = std::panic::catch_unwind(|| panic!("boom {}", 1)).unwrap_err();
/// assert_eq!(executor::panic_message(payload.as_ref()), "boom 1");
/// ```
pub fn panic_message(payload: &(dyn core::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}

// ANCHOR: unstarted
/// A task that `shutdown_now` took off the queue before it started. Its
/// handle already says [`TaskError::Cancelled`]; the closure is still here,
/// so the caller may run it (its value is dropped) or persist its id.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(1).capacity(8).build().unwrap();
/// let unstarted = pool.shutdown_now();
/// assert!(unstarted.len() <= 8);
/// ```
pub struct Unstarted {
    job: Box<dyn Job>,
}
// ANCHOR_END: unstarted

impl Unstarted {
    pub(crate) fn new(job: Box<dyn Job>) -> Self {
        Self { job }
    }

    /// The task's id.
    pub fn id(&self) -> TaskId {
        self.job.id()
    }

    /// Runs the task on the calling thread; `true` if it completed (once:
    /// a task with a retry policy gets no second attempt here).
    pub fn run(self) -> bool {
        let mut completed = false;
        let mut failed = None;
        let leftover = self.job.run(&mut |ended| match ended {
            Ended::Final(outcome) => completed = outcome == Outcome::Completed,
            Ended::Failed(job, _) => failed = Some(job),
        });
        run_quietly(leftover);
        drop_quietly(failed);
        completed
    }
}

impl fmt::Debug for Unstarted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unstarted({})", self.id())
    }
}
