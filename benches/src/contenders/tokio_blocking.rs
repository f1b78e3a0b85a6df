//! tokio's blocking pool, the usual home of synchronous work in an async
//! service.

use crate::{Contender, Handle};
use tokio::runtime::Runtime;

/// A multi-thread runtime with one async worker (which never runs these
/// tasks) and `max_blocking_threads(n)`; tasks go in with
/// `spawn_blocking`. Its queue is unbounded and its threads start lazily
/// (the drivers warm it up first).
pub struct TokioBlocking {
    runtime: Runtime,
}

impl Contender for TokioBlocking {
    const NAME: &'static str = "tokio spawn_blocking";

    fn start(workers: usize) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .max_blocking_threads(workers)
            .thread_name("bench-tokio")
            .build()
            .expect("tokio runtime builds");
        Self { runtime }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        // The join handle is dropped: the task runs detached.
        drop(self.runtime.spawn_blocking(task));
    }

    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, _key: u64, task: F) -> Handle {
        let handle = self.runtime.spawn_blocking(task);
        Handle::Tokio(handle, self.runtime.handle().clone())
    }

    fn shutdown(self) {
        // Dropping the runtime waits for running blocking tasks; the
        // drivers have already waited for every task.
        drop(self.runtime);
    }
}
