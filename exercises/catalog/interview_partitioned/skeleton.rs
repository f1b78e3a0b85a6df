//! # Interview drill: the partitioned executor (20 minutes)
//!
//! The follow-up to the executor drill: "requests for the same user must be
//! processed in the order they arrived". One shared queue cannot promise
//! that: two workers pop a user's two requests and race. Instead, give each
//! worker its own queue and send every request for a key to the same
//! worker, chosen by a stable hash of the key. One worker runs its queue
//! one task at a time, so each key is FIFO, while different keys still run
//! in parallel on different workers. The price: one busy key (a hot
//! partition) loads one worker while the others idle, so expose each
//! worker's queue depth to spot it.
//!
//! ## Your task
//! Implement `PartitionedExecutor<B>`:
//! - `new(workers, capacity)` starts `workers` threads named `worker-0`,
//!   `worker-1`, ..., worker `i` serving queue `i` of at most `capacity`
//!   waiting tasks;
//! - `partition_of(key)` is the worker for `key`: a *stable* hash of the
//!   key modulo `workers` (same key, same worker, every call and every
//!   process: write FNV-1a or similar, not `RandomState`);
//! - `submit(key, task)` queues the task on that worker's queue, or hands
//!   it back (`Err(task)`) if that queue is full or the executor is shut
//!   down, even when other queues have room;
//! - tasks with the same key run in submission order, on worker
//!   `partition_of(key)`; a panicking task is caught and its worker goes on;
//! - `depths()` returns, per worker, the number of tasks waiting in its
//!   queue (not counting one it is running);
//! - `shutdown()` refuses new tasks, drains every queue, wakes and joins
//!   every worker; calling it twice is harmless.
//!
//! Done means: per-key order holds under any interleaving, different keys
//! are not serialised behind each other, and a hot key shows up in
//! `depths()` as one deep queue.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import Callable, List
//!
//! class PartitionedExecutor:
//!     def __init__(self, workers: int, capacity: int) -> None: ...
//!     def partition_of(self, key: str) -> int: ...   # not hash(key): it is salted per process
//!     def submit(self, key: str, task: Callable[[], None]) -> bool: ...
//!     def depths(self) -> List[int]: ...
//!     def shutdown(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check interview_partitioned`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// Workers with a queue each; a key always goes to the same worker.
pub struct PartitionedExecutor<B: Backend> {
    lanes: Arc<B, Vec<Lane<B>>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    capacity: usize,
}

/// One worker's queue, with its own lock and wake-up.
struct Lane<B: Backend> {
    state: Mutex<B, LaneState>,
    work: Condvar<B>,
}

struct LaneState {
    queue: VecDeque<Task>,
    closed: bool,
}

impl<B: Backend> PartitionedExecutor<B> {
    /// Starts `workers` threads, each over its own queue of `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        todo!()
    }

    /// The worker that runs every task of `key`.
    pub fn partition_of(&self, key: &str) -> usize {
        todo!("a stable hash of the key, modulo the number of workers")
    }

    /// Queues `task` on its key's worker, or hands it back if that queue is
    /// full or the executor is shut down.
    pub fn submit(&self, key: &str, task: Task) -> Result<(), Task> {
        todo!()
    }

    /// Tasks waiting in each worker's queue, by worker index.
    pub fn depths(&self) -> Vec<usize> {
        todo!()
    }

    /// Stops accepting, drains every queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        todo!()
    }
}
// ANCHOR_END: skeleton
