//! # Interview drill: the request executor (35 minutes)
//!
//! The classic concurrency round: "build a thread pool that accepts a
//! stream of requests". A fixed set of named workers takes tasks from one
//! bounded queue. The queue's bound is the backpressure: when it is full,
//! `try_submit` refuses at once and hands the task back (the HTTP 503 of a
//! pool) instead of letting work pile up. A task that panics is that task's
//! failure, never the worker's. Shutdown is graceful: stop accepting, let
//! the workers finish everything already accepted, wake the idle ones so
//! they notice, and join them all.
//!
//! ## Your task
//! Implement `Executor<B>`:
//! - `new(workers, capacity)` starts `workers` threads named `worker-0`,
//!   `worker-1`, ... over a queue of at most `capacity` waiting tasks;
//! - `try_submit(task)` never blocks: `Ok(())` if queued, `Err(task)` if the
//!   queue is full or the executor is shut down;
//! - every accepted task runs exactly once; a task that panics is counted
//!   as failed and its worker goes on to the next task;
//! - `shutdown()` refuses new tasks, lets the workers drain the queue,
//!   wakes every idle worker, joins them all, and returns once they are
//!   gone; calling it twice is harmless;
//! - `metrics()` returns a snapshot in which, always,
//!   `submitted == accepted + rejected` and
//!   `accepted == completed + failed + queued + running`.
//!
//! Done means: no task lost or run twice, a full queue refuses, a panic
//! kills nothing, shutdown neither drops work nor hangs, and no snapshot
//! ever breaks the two equations (even one taken mid-flight).
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import Callable, Dict
//!
//! class Executor:
//!     def __init__(self, workers: int, capacity: int) -> None: ...
//!     def try_submit(self, task: Callable[[], None]) -> bool: ...
//!     def shutdown(self) -> None: ...
//!     def metrics(self) -> Dict[str, int]: ...
//! ```
//!
//! Grade with `cargo drill check interview_executor`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// A consistent snapshot of the executor's counters.
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

/// A fixed pool of named workers over one bounded queue.
pub struct Executor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    work: Condvar<B>,
}

struct State {
    queue: VecDeque<Task>,
    capacity: usize,
    closed: bool,
    metrics: Metrics,
}

impl<B: Backend> Executor<B> {
    /// Starts `workers` threads over a queue of `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        todo!("build the shared state, spawn worker-0.. running a worker loop")
    }

    /// Queues `task`, or hands it back if the queue is full or shut down.
    pub fn try_submit(&self, task: Task) -> Result<(), Task> {
        todo!()
    }

    /// Stops accepting, drains the queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        todo!()
    }

    /// A snapshot of the counters.
    pub fn metrics(&self) -> Metrics {
        todo!()
    }
}
// ANCHOR_END: skeleton
