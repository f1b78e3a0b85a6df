//! The long-standing `threadpool` crate (an mpsc channel behind a mutex).

use crate::Contender;
use threadpool::ThreadPool;

/// `threadpool::ThreadPool::new(n)`. Its queue is unbounded: no
/// backpressure, which a submitter faster than the workers exploits.
pub struct ThreadpoolCrate {
    pool: ThreadPool,
}

impl Contender for ThreadpoolCrate {
    const NAME: &'static str = "threadpool";

    fn start(workers: usize) -> Self {
        Self {
            pool: ThreadPool::with_name("bench-threadpool".into(), workers),
        }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        self.pool.execute(task);
    }

    fn shutdown(self) {
        // `join` waits for the queue to drain; dropping the pool then closes
        // the channel and the workers leave.
        self.pool.join();
    }
}
