//! The request executor of the `executor` drill, as a test sees it.

use crate::prelude::Backend;

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// A snapshot of the executor's counters (see the `executor` drill).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    /// Calls to `try_submit`.
    pub submitted: u64,
    /// Tasks queued by `try_submit`.
    pub accepted: u64,
    /// Tasks handed back (full or shut down).
    pub rejected: u64,
    /// Tasks that ran and returned.
    pub completed: u64,
    /// Tasks that ran and panicked.
    pub failed: u64,
    /// Tasks waiting in the queue.
    pub queued: u64,
    /// Tasks a worker is running right now.
    pub running: u64,
}

/// A fixed pool of named workers over one bounded queue: what a test of
/// the executor may call. Its promises: every accepted task runs exactly
/// once; a panicking task is counted as failed and its worker survives;
/// `shutdown` drains, wakes every idle worker and joins them all; every
/// `metrics` snapshot balances (submitted = accepted + rejected, accepted
/// = completed + failed + queued + running).
///
/// ```
/// use exercises::prelude::*;
/// use exercises::subjects::executor::{Executor, Reference};
/// let pool = <Reference<Std> as Executor<Std>>::new(1, 1);
/// assert!(pool.try_submit(Box::new(|| ())).is_ok());
/// pool.shutdown();
/// assert_eq!(pool.metrics().completed, 1);
/// ```
pub trait Executor<B: Backend>: Send + Sync + 'static {
    /// Starts `workers` threads over a queue of `capacity` tasks.
    fn new(workers: usize, capacity: usize) -> Self
    where
        Self: Sized;
    /// Queues `task`, or hands it back if the queue is full or shut down.
    fn try_submit(&self, task: Task) -> Result<(), Task>;
    /// Stops accepting, drains the queue, wakes and joins every worker.
    fn shutdown(&self);
    /// A snapshot of the counters.
    fn metrics(&self) -> Metrics;
}

/// The drill's reference answer.
pub type Reference<B> = reference::Executor<B>;
/// A task's panic unwinds through the worker loop and ends the worker.
pub type WorkerDiesOnPanic<B> = worker_dies_on_panic::Executor<B>;
/// Workers leave as soon as they see the shutdown flag, queue or not.
pub type ExitsWithoutDraining<B> = exits_without_draining::Executor<B>;
/// Shutdown wakes one idle worker; the others sleep on.
pub type NotifyOneAtShutdown<B> = notify_one_at_shutdown::Executor<B>;
/// Counters are separate atomics: a snapshot can catch a task in between.
pub type CountersOutsideLock<B> = counters_outside_lock::Executor<B>;

/// Implements [`Executor`] for the catalog file compiled as module `$m`.
macro_rules! subject {
    ($($m:ident => $file:literal),* $(,)?) => {$(
        #[allow(dead_code, unused_imports, missing_docs, clippy::all)]
        #[path = $file]
        mod $m;

        impl<B: Backend> Executor<B> for $m::Executor<B> {
            fn new(workers: usize, capacity: usize) -> Self {
                $m::Executor::new(workers, capacity)
            }
            fn try_submit(&self, task: Task) -> Result<(), Task> {
                $m::Executor::try_submit(self, task)
            }
            fn shutdown(&self) {
                $m::Executor::shutdown(self)
            }
            fn metrics(&self) -> Metrics {
                let m = $m::Executor::metrics(self);
                Metrics {
                    submitted: m.submitted,
                    accepted: m.accepted,
                    rejected: m.rejected,
                    completed: m.completed,
                    failed: m.failed,
                    queued: m.queued,
                    running: m.running,
                }
            }
        }
    )*};
}

subject! {
    reference => "../../catalog/interview_executor/solution.rs",
    worker_dies_on_panic => "../../catalog/interview_executor/wrong_worker_dies_on_panic.rs",
    exits_without_draining => "../../catalog/interview_executor/wrong_exits_without_draining.rs",
    notify_one_at_shutdown => "../../catalog/interview_executor/wrong_notify_one_at_shutdown.rs",
    counters_outside_lock => "../../catalog/interview_executor/wrong_counters_outside_lock.rs",
}
