//! # A worker pool: fixed workers, one shared queue
//!
//! Starting a thread per request is slow and puts no cap on concurrency. A
//! pool starts a few named workers once; each loops forever: take the next
//! job off a shared queue (sleeping on a condition variable while it is
//! empty), run it, account for it. Whoever queues a job must wake a
//! sleeping worker, or the job waits forever. And a job that panics must
//! not take its worker down with it: in Rust a panic in a thread only
//! surfaces at `join`, so catch it per job (`std::panic::catch_unwind`),
//! count it as failed, and keep the worker serving.
//!
//! ## Your task
//! Implement `WorkerPool` so that:
//! - `new(n)` starts `n` workers named `worker-0`, `worker-1`, ...;
//! - `submit(job)` queues the job; every submitted job runs exactly once;
//! - a job that panics is counted in `failed()`, one that returns in
//!   `completed()`, and the worker that ran it keeps taking jobs;
//! - `wait_idle()` blocks until every job submitted so far has finished
//!   (Python's `queue.join()`), without polling;
//! - `stop(self)` lets the queued jobs finish, then ends and joins every
//!   worker (a `None` "poison pill" per worker, queued behind the jobs, is
//!   one way).
//!
//! ## The Python 3.8 shape
//! ```python
//! class WorkerPool:
//!     def __init__(self, workers: int): ...
//!     def submit(self, job: Callable[[], None]) -> None: ...
//!     def wait_idle(self) -> None: ...
//!     def completed(self) -> int: ...
//!     def failed(self) -> int: ...
//!     def stop(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check worker_pool`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A job: a closure run once, on some worker.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// Everything the lock guards (a suggestion: change it as you like).
struct State {
    /// Queued jobs; `None` tells the worker that takes it to stop.
    queue: VecDeque<Option<Job>>,
    /// Jobs submitted and not finished yet.
    unfinished: u64,
    completed: u64,
    failed: u64,
}

/// What the pool handle and its workers share.
struct Shared<B: Backend> {
    state: Mutex<B, State>,
    /// Something was queued.
    work: Condvar<B>,
    /// `unfinished` reached zero.
    idle: Condvar<B>,
}

/// A fixed set of workers serving one queue.
pub struct WorkerPool<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Vec<JoinHandle<B, ()>>,
}

impl<B: Backend> WorkerPool<B> {
    /// Starts `workers` named worker threads.
    pub fn new(workers: usize) -> Self {
        todo!("build the shared state, then spawn the workers")
    }

    /// Queues a job for some worker.
    pub fn submit(&self, job: impl FnOnce() + Send + 'static) {
        todo!("queue it and wake a worker")
    }

    /// Blocks until every job submitted so far has finished.
    pub fn wait_idle(&self) {
        todo!()
    }

    /// Jobs that ran and returned.
    pub fn completed(&self) -> u64 {
        todo!()
    }

    /// Jobs that ran and panicked.
    pub fn failed(&self) -> u64 {
        todo!()
    }

    /// Lets the queued jobs finish, then stops and joins every worker.
    pub fn stop(self) {
        todo!()
    }
}
// ANCHOR_END: skeleton
