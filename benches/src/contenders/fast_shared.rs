//! The executor's fast core, shared queue: `executor::FastExecutor`.

use super::CAPACITY;
use crate::{Contender, Handle};
use executor::FastExecutor;

/// `executor::FastExecutor`: one lock-free ring of 1024 slots served by
/// every worker, blocking submitters while it is full.
pub struct FastShared {
    pool: FastExecutor,
}

impl Contender for FastShared {
    const NAME: &'static str = "executor fast";

    fn start(workers: usize) -> Self {
        let pool = FastExecutor::new(workers, CAPACITY).expect("fast pool settings are valid");
        Self { pool }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        if let Err(rejected) = self.pool.execute(task) {
            panic!("fast pool refused a task: {}", rejected.reason);
        }
    }

    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, _key: u64, task: F) -> Handle {
        match self.pool.submit(task) {
            Ok(handle) => Handle::Executor(handle),
            Err(rejected) => panic!("fast pool refused a task: {}", rejected.reason),
        }
    }

    fn shutdown(self) {
        self.pool.shutdown().expect("fast pool shuts down");
    }
}
