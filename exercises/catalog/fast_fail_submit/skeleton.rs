//! # Fast-fail submission: the 503 of a work queue
//!
//! When a bounded queue is full, blocking the submitter spreads the
//! overload upstream: its callers block too, and soon everything is stuck.
//! Failing fast is the alternative: refuse at once and hand the job back,
//! so the caller can answer "503, try later", retry elsewhere or drop it.
//! Two things make this subtle under concurrency. "Is there room?" and "put
//! it in" must be one step, or two submitters both see the last free slot
//! and both take it. And the counters that upstream reads must change in
//! the same step, or a snapshot taken in between shows a submission that is
//! neither accepted nor rejected.
//!
//! ## Your task
//! Implement `FastFailQueue` (a bounded queue; the caller plays the worker
//! with `run_next`) so that:
//! - `try_submit(job)` queues the job if fewer than `capacity` are queued,
//!   and otherwise returns `Err(Rejected(job))` with the very same job;
//! - the queue never holds more than `capacity` jobs;
//! - `run_next()` runs the oldest queued job (outside any lock) and counts
//!   it as completed, returning `false` if nothing was queued;
//! - every `metrics()` snapshot satisfies `submitted == accepted + rejected`
//!   and `queued <= capacity`, even while submissions are in flight.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Rejected(Exception):
//!     def __init__(self, job): self.job = job
//!
//! class FastFailQueue:
//!     def __init__(self, capacity: int): ...
//!     def try_submit(self, job: Callable[[], None]) -> None: ...  # raises Rejected
//!     def run_next(self) -> bool: ...
//!     def metrics(self) -> Dict[str, int]: ...
//! ```
//!
//! Grade with `cargo drill check fast_fail_submit`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// The job handed back by a refused submission.
#[derive(Debug)]
pub struct Rejected<F>(pub F);

/// A snapshot of the queue's accounting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Metrics {
    /// Calls to `try_submit`.
    pub submitted: u64,
    /// Jobs queued.
    pub accepted: u64,
    /// Jobs handed back.
    pub rejected: u64,
    /// Jobs that `run_next` ran.
    pub completed: u64,
    /// Jobs waiting in the queue now.
    pub queued: u64,
}

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A suggestion: the queue and the counts under one lock.
struct State {
    queue: VecDeque<Job>,
    metrics: Metrics,
}

/// A bounded queue that refuses, rather than blocks, when full.
pub struct FastFailQueue<B: Backend> {
    capacity: usize,
    state: Mutex<B, State>,
}

impl<B: Backend> FastFailQueue<B> {
    /// An empty queue holding at most `capacity` jobs.
    pub fn new(capacity: usize) -> Self {
        todo!()
    }

    /// Queues `job`, or hands it back at once if the queue is full.
    pub fn try_submit<F: FnOnce() + Send + 'static>(&self, job: F) -> Result<(), Rejected<F>> {
        todo!()
    }

    /// Runs the oldest queued job; `false` if there was none.
    pub fn run_next(&self) -> bool {
        todo!()
    }

    /// A consistent snapshot of the counts.
    pub fn metrics(&self) -> Metrics {
        todo!()
    }
}
// ANCHOR_END: skeleton
