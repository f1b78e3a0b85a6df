//! # Graceful shutdown: stop, drain, wake, join
//!
//! A pool that is told to stop must not lose work it already accepted. A
//! graceful shutdown does four things in order: refuse new jobs (hand them
//! back), let the workers drain every job already queued, wake the workers
//! that are asleep on the empty queue so they notice the pool is closed,
//! and join them. The wake-up must be explicit: a worker that only notices
//! shutdown by polling with a timeout (the Python template's
//! `get(timeout=0.5)`) is slow in production and never notices at all under
//! a model checker, where time does not pass. And every sleeper needs it:
//! one `notify_one` for two idle workers leaves one asleep forever.
//! `shutdown_now` is the impatient variant: it takes every job that has not
//! started off the queue and gives them back to the caller.
//!
//! ## Your task
//! Implement `Pool` so that:
//! - `submit` returns `Ok(())` and the job will run, or, once shutdown has
//!   begun, `Err(job)` handing the job back; never accepted-but-dropped,
//!   even when `submit` races `shutdown`;
//! - `shutdown()` stops accepting, runs every accepted job, then joins all
//!   workers (without relying on any timeout);
//! - `shutdown_now()` stops accepting and returns the jobs never started;
//!   it does not wait (call `shutdown()` after it to join the workers);
//!   each accepted job either runs once or is returned, never both.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Pool:
//!     def __init__(self, workers: int): ...
//!     def submit(self, job: Callable[[], None]) -> bool: ...   # False: refused
//!     def shutdown(self) -> None: ...
//!     def shutdown_now(self) -> List[Callable[[], None]]: ...
//! ```
//!
//! Grade with `cargo drill check graceful_shutdown`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A job: a closure run once, on some worker.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// Everything the lock guards (a suggestion).
struct State {
    queue: VecDeque<Job>,
    /// Set once by shutdown; no job is accepted after it.
    closed: bool,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    /// A job was queued, or the pool closed.
    work: Condvar<B>,
}

/// A pool of workers that can be shut down gracefully or at once.
pub struct Pool<B: Backend> {
    shared: Arc<B, Shared<B>>,
    /// Taken out by the shutdown that joins them.
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
}

impl<B: Backend> Pool<B> {
    /// Starts `workers` named worker threads.
    pub fn new(workers: usize) -> Self {
        todo!()
    }

    /// Queues a job, or hands it back if shutdown has begun.
    pub fn submit(&self, job: impl FnOnce() + Send + 'static) -> Result<(), Job> {
        todo!()
    }

    /// Stops accepting, drains every accepted job, joins every worker.
    pub fn shutdown(&self) {
        todo!()
    }

    /// Stops accepting and returns the jobs that never started.
    pub fn shutdown_now(&self) -> Vec<Job> {
        todo!()
    }
}
// ANCHOR_END: skeleton
