//! # Per-key order by partitioning
//!
//! Many workloads need order only *per key*: the events of one account must
//! apply in the order they arrived, but two accounts are independent. One
//! shared queue with several workers loses that order (two workers take
//! jobs 1 and 2 of the same key, and job 2 may finish first); a single
//! worker keeps it but gives up all parallelism. Partitioning gets both:
//! give each worker its own FIFO queue (a lane) and send every job to lane
//! `hash(key) % workers`. All jobs of a key land on the same lane, where
//! one worker runs them one after another; different keys spread over the
//! lanes and run in parallel.
//!
//! ## Your task
//! Implement `KeyedPool` so that:
//! - `new(n)` starts `n` workers (`worker-0`, ...), each with its own lane;
//! - `lane_for(key)` is the lane a key's jobs go to: a fixed function of
//!   the key, in `0..n`, spreading keys over the lanes;
//! - `submit(key, job)` queues the job on `lane_for(key)`; jobs of one key
//!   run in submission order, one at a time; jobs of keys on different
//!   lanes run in parallel;
//! - `shutdown(self)` runs every queued job, then joins the workers.
//!
//! ## The Python 3.8 shape
//! ```python
//! class KeyedPool:
//!     def __init__(self, workers: int): ...
//!     def lane_for(self, key: int) -> int: ...
//!     def submit(self, key: int, job: Callable[[], None]) -> None: ...
//!     def shutdown(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check per_key_order`.

use exercises::prelude::*;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// One worker's queue (a suggestion).
struct Lane<B: Backend> {
    /// The queued jobs, and whether the pool is shutting down.
    state: Mutex<B, (VecDeque<Job>, bool)>,
    /// A job was queued, or shutdown began.
    work: Condvar<B>,
}

/// Workers that each own a lane; a job's key picks its lane.
pub struct KeyedPool<B: Backend> {
    lanes: Vec<Arc<B, Lane<B>>>,
    workers: Vec<JoinHandle<B, ()>>,
}

impl<B: Backend> KeyedPool<B> {
    /// Starts `workers` workers, one lane each.
    pub fn new(workers: usize) -> Self {
        todo!()
    }

    /// The lane (and worker) that runs every job of `key`.
    pub fn lane_for(&self, key: u64) -> usize {
        todo!("hash the key, then reduce it to 0..lanes")
    }

    /// Queues `job` behind the earlier jobs of its lane.
    pub fn submit(&self, key: u64, job: impl FnOnce() + Send + 'static) {
        todo!()
    }

    /// Runs every queued job, then stops and joins the workers.
    pub fn shutdown(self) {
        todo!()
    }
}
