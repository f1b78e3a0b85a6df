//! Typed errors: bad configuration, rejected submissions, failed tasks and
//! lifecycle misuse. Every misuse gets one of these, never a panic or a hang.

use crate::task::TaskId;
use core::fmt;

/// Why a pool could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A pool needs at least one worker to make progress.
    #[error("a pool needs at least one worker (got 0)")]
    ZeroWorkers,
    /// A queue of capacity 0 could never accept a task.
    #[error("queue capacity must be at least 1 (got 0)")]
    ZeroCapacity,
    /// Caller-runs would run a task ahead of the queued tasks of its key,
    /// breaking the per-key order a partitioned pool promises.
    #[error("a partitioned pool cannot use the caller-runs policy: it would break per-key order")]
    CallerRunsBreaksOrder,
    /// Pressure watermarks that make no bands: they need
    /// `low < high <= capacity`.
    #[error(
        "pressure watermarks need low < high <= capacity (got low {low}, high {high}, capacity {capacity})"
    )]
    Watermarks {
        /// The low mark given.
        low: usize,
        /// The high mark given.
        high: usize,
        /// The lane capacity.
        capacity: usize,
    },
    /// A restart intensity that allows no restart, or counts them over no
    /// time.
    #[error(
        "the restart intensity needs at least one restart over a period longer than zero (got {restarts} within {within:?})"
    )]
    RestartIntensity {
        /// The restarts given.
        restarts: usize,
        /// The period given.
        within: core::time::Duration,
    },
    /// An aging bound of zero would run the lowest priority first.
    #[error(
        "the aging bound must be at least 1 (got 0): with 0 every waiting low-priority task would run before any higher one"
    )]
    ZeroAging,
    /// Priorities would let a key's later task overtake its earlier one,
    /// breaking the per-key order a partitioned pool promises.
    #[error("a partitioned pool cannot have priorities: they would break per-key order")]
    PrioritiesBreakOrder,
    /// A dead-letter queue of capacity 0 could keep no letter.
    #[error("the dead-letter queue must hold at least one letter (got 0)")]
    ZeroDeadLetters,
    /// A pressure watcher that looks every zero seconds would never sleep.
    #[error("the pressure watcher's period must be longer than zero")]
    ZeroWatchPeriod,
    /// A latency window of zero length could hold no measure.
    #[error("the latency window must be longer than zero")]
    ZeroLatencyWindow,
    /// `max_workers` is below `workers`.
    #[error("max_workers ({max}) is below workers ({workers})")]
    MaxBelowWorkers {
        /// The starting worker count.
        workers: usize,
        /// The bound given.
        max: usize,
    },
    /// The operating system refused to start a worker thread.
    #[error("could not spawn worker thread {name:?}: {source}")]
    Spawn {
        /// The thread that failed to start.
        name: String,
        /// The error from the operating system.
        #[source]
        source: std::io::Error,
    },
}

// ANCHOR: rejected
/// Why a submission was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectReason {
    /// The queue was full (for `submit_timeout`: full for the whole wait).
    Full,
    /// The pool is shutting down and accepts no new task.
    ShuttingDown,
    /// The pool failed: its workers died more often than its restart
    /// intensity allows (see [`Pool::supervision`](crate::Pool::supervision)).
    Failed,
    /// A priority was asked of a fast pool built without levels (see
    /// [`FastBuilder::priorities`](crate::FastBuilder::priorities)).
    NoPriorities,
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Full => "the queue is full",
            Self::ShuttingDown => "the pool is shutting down",
            Self::Failed => "the pool failed: its workers died too often (see Pool::supervision)",
            Self::NoPriorities => "the pool has no priority levels (see FastBuilder::priorities)",
        })
    }
}

/// A refused submission. The task comes back untouched, so the caller can
/// retry, run it elsewhere or report it upstream (the HTTP 503 analogue).
///
/// ```
/// use executor::{Executor, RejectReason};
/// let pool = Executor::builder().workers(1).capacity(1).build().unwrap();
/// pool.shutdown().unwrap();
/// let rejected = pool.try_submit(|| 7).unwrap_err();
/// assert_eq!(rejected.reason, RejectReason::ShuttingDown);
/// assert_eq!((rejected.task)(), 7); // the same closure, handed back
/// ```
#[derive(thiserror::Error)]
#[error("task rejected: {reason}")]
pub struct Rejected<F> {
    /// The task that was not accepted.
    pub task: F,
    /// Why it was not accepted.
    pub reason: RejectReason,
}
// ANCHOR_END: rejected

impl<F> fmt::Debug for Rejected<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejected")
            .field("reason", &self.reason)
            .finish_non_exhaustive()
    }
}

// ANCHOR: task_error
/// Why a task produced no value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaskError {
    /// The task panicked; the worker caught it and lives on.
    #[error("task {id} panicked: {message}")]
    Panicked {
        /// The task.
        id: TaskId,
        /// The panic message (or a placeholder for a non-string payload).
        message: String,
    },
    /// Taken off the queue before it started: by `shutdown_now`, or by
    /// its handle's `cancel`.
    #[error("task {0} was cancelled before it started")]
    Cancelled(TaskId),
    /// The discard-oldest policy evicted the task to make room.
    #[error("task {0} was discarded by the discard-oldest policy")]
    Discarded(TaskId),
    /// Still queued when the pool failed (its workers died more often than
    /// its restart intensity allows); it never ran.
    #[error("task {0} never ran: the pool failed (see Pool::supervision)")]
    PoolFailed(TaskId),
    /// A task with a retry policy failed for good, and waits in the
    /// dead-letter queue (see [`Pool::dead_letters`](crate::Pool::dead_letters)).
    #[error("task {id} was dead-lettered at attempt {attempts} ({reason}): {error}")]
    DeadLettered {
        /// The task.
        id: TaskId,
        /// Why it was given up.
        reason: crate::DeadReason,
        /// How many attempts failed.
        attempts: u32,
        /// The last attempt's error.
        error: String,
    },
}
// ANCHOR_END: task_error

/// A task of a [`Pool::map`](crate::Pool::map) that gave no value.
///
/// ```
/// use executor::{Executor, MapError, RejectReason};
/// let pool = Executor::builder().workers(1).build().unwrap();
/// pool.shutdown().unwrap();
/// let first = pool.map(0..3, |x: u8| x, 1).next();
/// assert_eq!(first, Some(Err(MapError::Rejected(RejectReason::ShuttingDown))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// The pool refused the task (it is shutting down, or full under a
    /// policy that rejects); the input was not run.
    #[error("map input not run: {0}")]
    Rejected(RejectReason),
    /// The task ran and failed, or was cancelled or discarded.
    #[error(transparent)]
    Failed(#[from] TaskError),
}

/// A wait with a deadline that passed before what it waited for happened.
///
/// ```
/// let e = executor::WaitTimedOut;
/// assert_eq!(e.to_string(), "timed out before any task finished");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("timed out before any task finished")]
pub struct WaitTimedOut;

/// Misuse of the pool's lifecycle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    /// Called from one of the pool's own tasks: waiting for the workers to
    /// finish would wait for the caller itself. Shutdown has been started
    /// (no new task is accepted); the pool terminates once the calling task
    /// returns.
    #[error(
        "called from inside one of the pool's own tasks ({thread}): waiting would deadlock; \
         shutdown has been started and completes when this task returns"
    )]
    FromWorker {
        /// The worker thread that made the call.
        thread: String,
    },
}

/// A retry policy or budget that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RetryError {
    /// A task needs at least one attempt.
    #[error("a retry policy needs at least one attempt (got 0)")]
    ZeroAttempts,
    /// The backoff's cap is below its base.
    #[error("the backoff cap ({cap:?}) is below its base ({base:?})")]
    CapBelowBase {
        /// The base given.
        base: core::time::Duration,
        /// The cap given.
        cap: core::time::Duration,
    },
    /// A budget of 0% with no reserve would allow no retry at all.
    #[error("a retry budget of 0% with no reserve allows no retry; use attempts(1) instead")]
    EmptyBudget,
}

/// Why a dead letter could not be resubmitted (it stays in the queue).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResubmitError {
    /// No letter of that task is in the dead-letter queue.
    #[error("no dead letter of task {0}")]
    NotFound(TaskId),
    /// Its lane is full, or the pool is shutting down or failed.
    #[error("the pool refused it: {0}")]
    Refused(RejectReason),
}

/// Why a pool could not be resized, or compensated for a stuck task.
#[derive(Debug, thiserror::Error)]
pub enum ResizeError {
    /// A pool needs at least one worker.
    #[error("a pool needs at least one worker (got 0)")]
    ZeroWorkers,
    /// More workers than the pool was built to hold (`max_workers`).
    #[error("cannot grow to {requested} workers: the pool was built with max_workers({max})")]
    AboveMax {
        /// The worker count asked for.
        requested: usize,
        /// The pool's bound.
        max: usize,
    },
    /// The pool is shutting down.
    #[error("the pool is shutting down")]
    ShuttingDown,
    /// The pool keeps no time, so no task can be found stuck (see
    /// [`Pool::compensate`](crate::Pool::compensate)).
    #[error(
        "the pool keeps no time, so no task can be found stuck: build it with Builder::timed()"
    )]
    Untimed,
    /// A new worker could not be started; the pool keeps its old size.
    #[error(transparent)]
    Spawn(#[from] BuildError),
}
