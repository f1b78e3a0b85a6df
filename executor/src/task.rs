//! A task as the queue holds it: a type-erased closure that runs under
//! `catch_unwind` and resolves its handle.

use crate::TaskHandle;
use crate::error::TaskError;
use crate::handle::{Promise, pair};
use crate::sync::Backend;
use core::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A task's identity: the order in which the pool accepted it, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaskId(pub u64);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// How a run ended, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Completed,
    Panicked,
}

// ANCHOR: job_trait
/// A queued task with its result type erased.
pub(crate) trait Job: Send {
    /// Runs the closure, catching a panic, calls `account` with how it
    /// ended, and only then resolves the handle (unless [`Job::cancel`]
    /// already did). So a submitter that joins sees metrics that include it.
    /// Returns the value if its handle is gone: the caller drops it with
    /// [`drop_quietly`], outside the pool's lock.
    #[must_use = "a value nobody waits for must be dropped outside the pool's lock"]
    fn run(self: Box<Self>, account: &mut dyn FnMut(Outcome)) -> Option<Leftover>;
    /// Resolves the handle without running; the closure stays runnable.
    fn cancel(&mut self, why: TaskError);
    /// The task's id.
    fn id(&self) -> TaskId;
}
// ANCHOR_END: job_trait

/// A task's value that nobody will read (its handle was dropped first).
pub(crate) type Leftover = Box<dyn Send>;

// ANCHOR: drop_quietly
/// Drops user data inside a panic boundary: a `Drop` that panics must not
/// take the worker (or the submitter) with it. A panic payload that panics
/// again when dropped is leaked rather than dropped.
pub(crate) fn drop_quietly<V>(value: V) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(move || drop(value))) {
        core::mem::forget(payload);
    }
}
// ANCHOR_END: drop_quietly

struct Packaged<B: Backend, F, T: Send> {
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
    fn run(self: Box<Self>, account: &mut dyn FnMut(Outcome)) -> Option<Leftover> {
        let Packaged { f, mut promise, id } = *self;
        // AssertUnwindSafe: after a panic the closure is gone and the only
        // state we touch is the promise, which the panic could not reach.
        let result = catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
            let message = panic_message(payload.as_ref());
            // The payload is user data too: its `Drop` may panic.
            drop_quietly(payload);
            TaskError::Panicked { id, message }
        });
        account(if result.is_ok() {
            Outcome::Completed
        } else {
            Outcome::Panicked
        });
        let leftover = promise.resolve(result)?;
        Some(Box::new(leftover))
    }
    // ANCHOR_END: job_run

    fn cancel(&mut self, why: TaskError) {
        // An error carries no user data: nothing to drop with care.
        let _ = self.promise.resolve(Err(why));
    }

    fn id(&self) -> TaskId {
        self.id
    }
}

/// Wraps `f` as a job with a fresh handle.
pub(crate) fn package<B, F, T>(id: TaskId, f: F) -> (Box<dyn Job>, TaskHandle<B, T>)
where
    B: Backend,
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let (promise, handle) = pair(id);
    (Box::new(Packaged { f, promise, id }), handle)
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

    /// Runs the task on the calling thread; `true` if it did not panic.
    pub fn run(self) -> bool {
        let mut completed = false;
        let leftover = self
            .job
            .run(&mut |outcome| completed = outcome == Outcome::Completed);
        drop_quietly(leftover);
        completed
    }
}

impl fmt::Debug for Unstarted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unstarted({})", self.id())
    }
}
