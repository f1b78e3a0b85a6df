//! The executor under test: the shared-queue `executor::Executor`.

use super::CAPACITY;
use crate::{Contender, Handle};
use executor::{Executor, RejectionPolicy};

/// `executor::Executor` with capacity 1024 and the `Block` policy (the
/// same backpressure as a `bounded(1024)` channel).
pub struct SharedExecutor {
    pool: Executor,
}

impl Contender for SharedExecutor {
    const NAME: &'static str = "executor";

    fn start(workers: usize) -> Self {
        let pool = Executor::builder()
            .workers(workers)
            .capacity(CAPACITY)
            .policy(RejectionPolicy::Block)
            .name_prefix("bench-executor")
            .build()
            .expect("executor settings are valid");
        Self { pool }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        if let Err(rejected) = self.pool.execute(task) {
            panic!("executor refused a task: {}", rejected.reason);
        }
    }

    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, _key: u64, task: F) -> Handle {
        match self.pool.submit(task) {
            Ok(handle) => Handle::Executor(handle),
            Err(rejected) => panic!("executor refused a task: {}", rejected.reason),
        }
    }

    fn shutdown(self) {
        self.pool.shutdown().expect("executor shuts down");
    }
}
