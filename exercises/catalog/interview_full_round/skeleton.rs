//! # Interview drill: the full round (60 minutes)
//!
//! The whole concurrency round as one growing codebase, in the order an
//! interviewer adds requirements. The clock of `cargo drill interview
//! full_round` says which stage you should be on; `c` grades the file and
//! reports each stage on its own, so stage 1 can be green while stage 2 is
//! still to do.
//!
//! ## Stage 1: the executor (minutes 0-20)
//! - `new(workers, capacity)` starts `workers` threads named `worker-0`,
//!   `worker-1`, ... over a shared queue of at most `capacity` tasks;
//! - `try_submit(task)` never blocks: `Ok(())` if queued for any worker,
//!   `Err(task)` if the shared queue is full or the pool is shut down;
//! - every accepted task runs exactly once; a task that panics is counted
//!   as failed and its worker goes on to the next task;
//! - `shutdown()` refuses new tasks, lets the workers drain every queue,
//!   wakes the idle ones, joins them all; calling it twice is harmless;
//! - `metrics()` is a snapshot in which, always,
//!   `submitted == accepted + rejected` and
//!   `accepted == completed + failed + queued + running`.
//!
//! ## Stage 2: partitioning (minutes 20-30)
//! - `partition_of(key)` is a stable hash of the key modulo the number of
//!   workers (no per-process seed);
//! - `submit(key, task)` queues the task on worker `partition_of(key)`'s
//!   own lane (at most `capacity` tasks), or hands it back if that lane is
//!   full or the pool is shut down, even if other queues have room; it
//!   counts in `metrics()` like `try_submit`;
//! - a worker runs its lane's tasks one at a time, oldest first (so one
//!   key's tasks run in submission order), and serves the shared queue
//!   when its lane is empty; different keys still run in parallel;
//! - `depths()` is the number of tasks waiting in each lane.
//!
//! ## Stage 3: backpressure and failures (minutes 30-40)
//! - `overloaded()` is a pressure signal with hysteresis over the tasks
//!   waiting in all queues together: it switches on above 80% of
//!   `capacity` and off below 50%; in between it keeps its value;
//! - `worker_stats()` reports, per worker, the tasks it finished (its
//!   heartbeat), how many of them panicked, and whether it is busy now;
//! - `stuck_workers(earlier)` lists the workers busy now and in `earlier`
//!   (an older `worker_stats()`) that finished nothing in between, however
//!   busy their siblings were.
//!
//! Then talk through your tests and the follow-up questions.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Executor:
//!     def __init__(self, workers: int, capacity: int) -> None: ...
//!     # stage 1
//!     def try_submit(self, task: Callable[[], None]) -> bool: ...
//!     def shutdown(self) -> None: ...
//!     def metrics(self) -> Dict[str, int]: ...
//!     # stage 2
//!     def partition_of(self, key: str) -> int: ...
//!     def submit(self, key: str, task: Callable[[], None]) -> bool: ...
//!     def depths(self) -> List[int]: ...
//!     # stage 3
//!     def overloaded(self) -> bool: ...
//!     def worker_stats(self) -> List[Dict[str, int]]: ...
//!     def stuck_workers(self, earlier: List[Dict[str, int]]) -> List[int]: ...
//! ```
//!
//! Grade with `cargo drill check interview_full_round`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// A consistent snapshot of the executor's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    /// Calls to `try_submit` and `submit`.
    pub submitted: u64,
    /// Tasks queued by them.
    pub accepted: u64,
    /// Tasks handed back (full or shut down).
    pub rejected: u64,
    /// Tasks that ran and returned.
    pub completed: u64,
    /// Tasks that ran and panicked.
    pub failed: u64,
    /// Tasks waiting, in the shared queue and every lane.
    pub queued: u64,
    /// Tasks a worker is running right now.
    pub running: u64,
}

/// One worker's health, as a supervisor reads it (stage 3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerStats {
    /// Tasks this worker finished, returned or panicked: its heartbeat.
    pub finished: u64,
    /// Of those, the tasks that panicked.
    pub failed: u64,
    /// Whether it is running a task right now.
    pub busy: bool,
}

/// A fixed pool of named workers: one shared queue, one lane per worker.
pub struct Executor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    /// How many workers (and lanes) there are, fixed at `new`.
    count: usize,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    /// Workers wait here for their lane, the shared queue, or shutdown.
    work: Condvar<B>,
}

/// One layout that serves all three stages; change it as you see fit.
struct State {
    // Stage 1.
    queue: VecDeque<Task>,
    capacity: usize,
    closed: bool,
    metrics: Metrics,
    // Stage 2: lanes[i] is served by worker i alone.
    lanes: Vec<VecDeque<Task>>,
    // Stage 3.
    overloaded: bool,
    stats: Vec<WorkerStats>,
}

// ---- stage 1: the executor ----

impl<B: Backend> Executor<B> {
    /// Starts `workers` threads named `worker-0`, ... over a shared queue
    /// and one lane each, every queue holding at most `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        todo!("build the shared state, spawn worker-0.. running a worker loop")
    }

    /// Queues `task` for any worker, or hands it back if the shared queue
    /// is full or the pool is shut down. Never blocks.
    pub fn try_submit(&self, task: Task) -> Result<(), Task> {
        todo!()
    }

    /// Stops accepting, drains every queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        todo!()
    }

    /// A snapshot of the counters.
    pub fn metrics(&self) -> Metrics {
        todo!()
    }
}

// ---- stage 2: partitioning ----

impl<B: Backend> Executor<B> {
    /// The worker that runs every task of `key`.
    pub fn partition_of(&self, key: &str) -> usize {
        todo!("a stable hash, e.g. FNV-1a, modulo the number of workers")
    }

    /// Queues `task` on its key's lane, or hands it back if that lane is
    /// full or the pool is shut down.
    pub fn submit(&self, key: &str, task: Task) -> Result<(), Task> {
        todo!()
    }

    /// Tasks waiting in each worker's lane, by worker index.
    pub fn depths(&self) -> Vec<usize> {
        todo!()
    }
}

// ---- stage 3: backpressure and failures ----

impl<B: Backend> Executor<B> {
    /// Whether upstream should slow down (on above 80%, off below 50%).
    pub fn overloaded(&self) -> bool {
        todo!()
    }

    /// Each worker's stats, by worker index, in one consistent snapshot.
    pub fn worker_stats(&self) -> Vec<WorkerStats> {
        todo!()
    }

    /// Workers busy now and in `earlier` that finished nothing in between.
    pub fn stuck_workers(&self, earlier: &[WorkerStats]) -> Vec<usize> {
        todo!()
    }
}
// ANCHOR_END: skeleton
