//! The executor's keyed flavour: `executor::PartitionedPool`.

use super::CAPACITY;
use crate::{Contender, Handle};
use executor::{Executor, PartitionedPool, RejectionPolicy, sync::Std};

/// `executor::PartitionedPool`: a lane of capacity 1024 per worker, tasks
/// routed by key. `max_workers` is pinned to the worker count so it has
/// exactly N lanes, like [`PerWorkerCrossbeam`](super::PerWorkerCrossbeam)
/// has N channels (by default it would make lanes for a resize to 2N).
pub struct PartitionedExecutor {
    pool: PartitionedPool<Std>,
}

impl Contender for PartitionedExecutor {
    const NAME: &'static str = "executor partitioned";

    fn start(workers: usize) -> Self {
        let pool = Executor::builder()
            .workers(workers)
            .max_workers(workers)
            .capacity(CAPACITY)
            .policy(RejectionPolicy::Block)
            .name_prefix("bench-partitioned")
            .build_partitioned()
            .expect("partitioned settings are valid");
        Self { pool }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, key: u64, task: F) {
        if let Err(rejected) = self.pool.execute(&key, task) {
            panic!("partitioned pool refused a task: {}", rejected.reason);
        }
    }

    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, key: u64, task: F) -> Handle {
        match self.pool.submit(&key, task) {
            Ok(handle) => Handle::Executor(handle),
            Err(rejected) => panic!("partitioned pool refused a task: {}", rejected.reason),
        }
    }

    fn shutdown(self) {
        self.pool.shutdown().expect("partitioned pool shuts down");
    }
}
