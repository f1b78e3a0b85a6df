//! # Interview drill: failures past detection (20 minutes)
//!
//! "Your worker died. Now what?" Some failures escape the task: a panic
//! nobody caught per task, a corrupted connection, a poisoned thread-local.
//! Here a task says so by returning `Outcome::Fatal`: the worker that ran
//! it must not be reused, its thread ends. The pool notices the death with
//! no timeout and no polling, replaces the worker (at most `max_restarts`
//! times, after which the pool *fails* rather than restarting for ever),
//! and makes sure the task the dead worker held is neither lost nor run
//! twice at once: it runs again (at-least-once) until `max_attempts` runs,
//! then goes to the dead letters with its attempt count.
//!
//! ## Your task
//! Implement `Supervisor<B>`:
//! - `new(workers, max_attempts, max_restarts)` starts `workers` threads
//!   named `worker-0`, `worker-1`, ...;
//! - `submit(id, task)`: `Ok(())` if queued, `Err(task)` (handed back) if
//!   the pool is shut down or failed;
//! - a worker runs one task at a time; `Done` adds the id to
//!   `completed`; `Fatal` kills the worker, and then, with no timeout:
//!   - the task it held goes back to the front of the queue if it has run
//!     fewer than `max_attempts` times, else to `dead_letters` as
//!     `(id, attempts)`;
//!   - a replacement with the same name starts and `restarts` counts it,
//!     unless that would exceed `max_restarts`: then the pool fails
//!     (`failed`), refuses submissions, and dead-letters the held task and
//!     every queued one (with their attempts so far);
//! - `shutdown()` refuses new tasks, lets the workers (replacements too)
//!   drain the queue, joins every one of them, and returns the final
//!   `report()`; it never hangs, failed pool or not.
//!
//! Done means: every accepted task ends exactly once, completed or
//! dead-lettered; the cap holds even when two workers die at once; and
//! when shutdown returns, no worker is left running.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import Callable, Dict
//!
//! class Supervisor:
//!     def __init__(self, workers: int, max_attempts: int, max_restarts: int) -> None: ...
//!     def submit(self, id: int, task: Callable[[], str]) -> bool: ...   # task returns "done" or "fatal"
//!     def shutdown(self) -> Dict[str, object]: ...
//!     def report(self) -> Dict[str, object]: ...   # completed, dead_letters, restarts, failed
//! ```
//!
//! Grade with `cargo drill check interview_supervision`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// What one run of a task did to the worker that ran it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The task finished; the worker takes the next one.
    Done,
    /// The failure escaped the task: this worker must not be reused.
    Fatal,
}

/// A unit of work. It may run more than once, so it is `FnMut`.
pub type Task = Box<dyn FnMut() -> Outcome + Send + 'static>;

/// What became of the work so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Ids of the tasks that returned `Done`, in the order they did.
    pub completed: Vec<u32>,
    /// `(id, attempts)` of the tasks given up on, in the order they were.
    pub dead_letters: Vec<(u32, u32)>,
    /// Replacement workers started.
    pub restarts: usize,
    /// The restart cap was exceeded: the pool refuses all work.
    pub failed: bool,
}

/// A pool whose dead workers are replaced, up to a cap.
pub struct Supervisor<B: Backend> {
    shared: Arc<B, Shared<B>>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State<B>>,
    work: Condvar<B>,
    max_attempts: u32,
    max_restarts: usize,
}

struct State<B: Backend> {
    queue: VecDeque<Job>,
    closed: bool,
    /// Every worker started, replacements too, until shutdown joins it.
    workers: Vec<JoinHandle<B, ()>>,
    report: Report,
}

struct Job {
    id: u32,
    attempts: u32,
    task: Task,
}

impl<B: Backend> Supervisor<B> {
    /// Starts `workers` workers; a task runs at most `max_attempts` times,
    /// and at most `max_restarts` replacements are started.
    pub fn new(workers: usize, max_attempts: u32, max_restarts: usize) -> Self {
        todo!("build the shared state, spawn worker-0.. running a worker loop")
    }

    /// Queues task `id`, or hands it back if the pool is shut down or failed.
    pub fn submit(&self, id: u32, task: Task) -> Result<(), Task> {
        todo!()
    }

    /// Stops accepting, lets the workers (replacements too) drain the
    /// queue, joins them all, and returns the final report.
    pub fn shutdown(&self) -> Report {
        todo!()
    }

    /// A snapshot of what became of the work so far.
    pub fn report(&self) -> Report {
        todo!()
    }
}
// ANCHOR_END: skeleton
