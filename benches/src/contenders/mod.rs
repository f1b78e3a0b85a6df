//! One file per pool under test. Each is started with N workers and
//! driven only through [`Contender`](crate::Contender).

mod crossbeam_pool;
mod executor_partitioned;
mod executor_shared;
mod fast_partitioned;
mod fast_shared;
mod mpsc_pool;
mod naive_pool;
mod per_worker_crossbeam;
mod rayon_pool;
mod threadpool_crate;
mod tokio_blocking;

pub use crossbeam_pool::CrossbeamPool;
pub use executor_partitioned::PartitionedExecutor;
pub use executor_shared::SharedExecutor;
pub use fast_partitioned::FastPartitioned;
pub use fast_shared::FastShared;
pub use mpsc_pool::MpscPool;
pub use naive_pool::NaivePool;
pub use per_worker_crossbeam::PerWorkerCrossbeam;
pub use rayon_pool::RayonPool;
pub use threadpool_crate::ThreadpoolCrate;
pub use tokio_blocking::TokioBlocking;

/// The queue bound used by every bounded contender (the executor's
/// capacity, each channel's size), so that backpressure is the same.
pub const CAPACITY: usize = 1024;

/// A boxed task, for the hand-written pools that queue trait objects.
pub(crate) type Job = Box<dyn FnOnce() + Send + 'static>;

/// Joins the hand-written pools' worker threads once their queue is closed.
pub(crate) fn join_all(workers: Vec<std::thread::JoinHandle<()>>) {
    for worker in workers {
        worker.join().expect("worker exits cleanly");
    }
}
