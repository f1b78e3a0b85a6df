//! rayon, used as a plain task pool (`spawn`), not for data parallelism.

use crate::Contender;

/// A `rayon::ThreadPool` of N threads; tasks go in with `pool.spawn`
/// (from outside the pool: the global injector queue, unbounded).
pub struct RayonPool {
    pool: rayon::ThreadPool,
}

impl Contender for RayonPool {
    const NAME: &'static str = "rayon";

    fn start(workers: usize) -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .thread_name(|i| format!("bench-rayon-{i}"))
            .build()
            .expect("rayon pool builds");
        Self { pool }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        self.pool.spawn(task);
    }

    fn shutdown(self) {
        // Dropping a rayon pool does not wait for spawned work; the drivers
        // have already waited for every task, so dropping is enough.
        drop(self.pool);
    }
}
