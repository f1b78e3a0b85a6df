//! # Spawn and join: fan work out, gather every result
//!
//! A spawned thread runs on its own schedule. The one moment you *know* it
//! has finished, and that everything it wrote is visible to you, is when
//! `join` returns for its handle. Drop a `JoinHandle` without joining and
//! the thread is detached: it keeps running, nobody waits for it, and the
//! process may exit under its feet. Reading a result "after starting the
//! threads" is not the same as reading it after they finished.
//!
//! ## Your task
//! - `Fanout::spawn(name, job)` starts `job` on a new thread called `name`;
//! - `Fanout::join_all()` returns every job's result, in the order the jobs
//!   were spawned, and returns only once every thread has finished (so any
//!   side effect a job had is complete too);
//! - `parallel_sum(chunks)` sums each chunk on its own thread (`summer-0`,
//!   `summer-1`, ...) and returns the total over all chunks.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable, List
//!
//! class Fanout:
//!     def __init__(self) -> None: ...
//!     def spawn(self, name: str, job: Callable[[], int]) -> None: ...
//!     def join_all(self) -> List[int]: ...
//!
//! def parallel_sum(chunks: List[List[int]]) -> int: ...
//! ```
//!
//! Grade with `cargo drill check spawn_join`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Jobs started on their own threads, joined together.
pub struct Fanout<B: Backend, T: Send + 'static> {
    handles: Vec<JoinHandle<B, T>>,
}

impl<B: Backend, T: Send + 'static> Fanout<B, T> {
    /// No jobs yet.
    pub fn new() -> Self {
        Self {
            handles: Vec::new(),
        }
    }

    /// Starts `job` on a new thread called `name`.
    pub fn spawn(&mut self, name: &str, job: impl FnOnce() -> T + Send + 'static) {
        todo!("start the thread and keep what you need to wait for it")
    }

    /// Every job's result in spawn order, once every thread has finished.
    pub fn join_all(self) -> Vec<T> {
        todo!("wait for every thread")
    }
}

/// Sums each chunk on its own thread and returns the grand total.
pub fn parallel_sum<B: Backend>(chunks: Vec<Vec<u64>>) -> u64 {
    todo!("one thread per chunk, then gather")
}
// ANCHOR_END: skeleton
