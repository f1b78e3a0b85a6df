//! The executor under test: the shared-queue `executor::Executor`.

use super::CAPACITY;
use crate::{Contender, Handle};
use executor::{Executor, RejectionPolicy};

/// `executor::Executor` with capacity 1024 and the `Block` policy (the
/// same backpressure as a `bounded(1024)` channel). `TIMED` also keeps
/// time and latency histograms, to measure what they cost.
pub struct SharedExecutor<const TIMED: bool = false> {
    pool: Executor,
}

impl<const TIMED: bool> Contender for SharedExecutor<TIMED> {
    const NAME: &'static str = if TIMED {
        "executor (timed)"
    } else {
        "executor"
    };

    fn start(workers: usize) -> Self {
        let mut builder = Executor::builder()
            .workers(workers)
            .capacity(CAPACITY)
            .policy(RejectionPolicy::Block)
            .name_prefix("bench-executor");
        if TIMED {
            builder = builder
                .timed()
                .latency_window(std::time::Duration::from_secs(60));
        }
        let pool = builder.build().expect("executor settings are valid");
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
