//! The executor's fast core, keyed: `executor::FastPartitionedExecutor`.

use super::CAPACITY;
use crate::{Contender, Handle};
use executor::FastPartitionedExecutor;

/// `executor::FastPartitionedExecutor`: one lock-free ring of 1024 slots
/// per worker, tasks routed by key.
pub struct FastPartitioned {
    pool: FastPartitionedExecutor,
}

impl Contender for FastPartitioned {
    const NAME: &'static str = "executor fast partitioned";

    fn start(workers: usize) -> Self {
        let pool = FastPartitionedExecutor::new(workers, CAPACITY)
            .expect("fast partitioned settings are valid");
        Self { pool }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, key: u64, task: F) {
        if let Err(rejected) = self.pool.execute(&key, task) {
            panic!("fast partitioned pool refused a task: {}", rejected.reason);
        }
    }

    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, key: u64, task: F) -> Handle {
        match self.pool.submit(&key, task) {
            Ok(handle) => Handle::Executor(handle),
            Err(rejected) => panic!("fast partitioned pool refused a task: {}", rejected.reason),
        }
    }

    fn shutdown(self) {
        self.pool
            .shutdown()
            .expect("fast partitioned pool shuts down");
    }
}
