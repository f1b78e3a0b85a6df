//! The one interface every pool is driven through, and the list of them.

use crate::contenders::{
    CrossbeamPool, FastPartitioned, FastShared, MpscPool, NaivePool, PartitionedExecutor,
    PerWorkerCrossbeam, RayonPool, SharedExecutor, ThreadpoolCrate, TokioBlocking,
};
use crate::handle::Handle;

/// A pool under test, started with a fixed number of workers.
///
/// The task types are generic (not boxed by the driver) so that each pool
/// receives the closure exactly as its own API would, and boxes it (or not)
/// the way a real user of it pays for.
pub trait Contender: Send + Sync + Sized + 'static {
    /// The label used in tables and benchmark ids.
    const NAME: &'static str;

    /// Starts the pool with `workers` worker threads.
    fn start(workers: usize) -> Self;

    /// Runs `task` with no handle (fire and forget). `key` routes the task
    /// on keyed contenders; shared-queue contenders ignore it.
    fn execute<F: FnOnce() + Send + 'static>(&self, key: u64, task: F);

    /// Runs `task` and returns something to [`Handle::join`] for its value:
    /// the pool's own handle where it has one, else (this default) a
    /// one-shot slot filled by the task, run through `execute`.
    fn submit<F: FnOnce() -> u64 + Send + 'static>(&self, key: u64, task: F) -> Handle {
        let (run, handle) = crate::handle::oneshot(task);
        self.execute(key, run);
        handle
    }

    /// Runs everything still queued, then stops and joins the workers.
    fn shutdown(self);
}

/// Something to do with a contender type: the way to iterate over the
/// contenders without boxing them (see [`Kind::visit`]).
pub trait Visit {
    /// What the visit returns.
    type Output;
    /// Called with the contender type; the visitor starts it itself (so a
    /// memory probe can count what starting it costs).
    fn visit<C: Contender>(self) -> Self::Output;
}

/// Every contender, by name, for driving loops and tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `executor::Executor`, the shared-queue pool.
    Executor,
    /// The same, keeping time and latency histograms.
    ExecutorTimed,
    /// `executor::PartitionedPool`, one lane per worker, routed by key.
    Partitioned,
    /// `executor::FastExecutor`, the fast core's shared ring.
    FastShared,
    /// `executor::FastPartitionedExecutor`, one ring per worker.
    FastPartitioned,
    /// N threads receiving from one `crossbeam_channel::bounded(1024)`.
    Crossbeam,
    /// One `crossbeam_channel::bounded(1024)` per worker, `key % n`.
    PerWorkerCrossbeam,
    /// The `threadpool` crate.
    Threadpool,
    /// A rayon `ThreadPool`, tasks sent with `spawn`.
    Rayon,
    /// `std::sync::mpsc::sync_channel(1024)`, receiver behind a `Mutex`.
    Mpsc,
    /// `Mutex<VecDeque>` with two condition variables.
    Naive,
    /// tokio's `spawn_blocking` pool.
    TokioBlocking,
}

impl Kind {
    /// The shared-queue contenders (no per-key ordering), baseline first.
    pub const SHARED: [Kind; 9] = [
        Kind::Crossbeam,
        Kind::FastShared,
        Kind::Executor,
        Kind::ExecutorTimed,
        Kind::Threadpool,
        Kind::Rayon,
        Kind::Mpsc,
        Kind::Naive,
        Kind::TokioBlocking,
    ];

    /// The keyed contenders (one queue per worker), baseline first.
    pub const KEYED: [Kind; 3] = [
        Kind::PerWorkerCrossbeam,
        Kind::FastPartitioned,
        Kind::Partitioned,
    ];

    /// Every contender.
    pub const ALL: [Kind; 12] = [
        Kind::Crossbeam,
        Kind::FastShared,
        Kind::Executor,
        Kind::ExecutorTimed,
        Kind::Threadpool,
        Kind::Rayon,
        Kind::Mpsc,
        Kind::Naive,
        Kind::TokioBlocking,
        Kind::PerWorkerCrossbeam,
        Kind::FastPartitioned,
        Kind::Partitioned,
    ];

    /// The contender's label.
    pub fn name(self) -> &'static str {
        struct Name;
        impl Visit for Name {
            type Output = &'static str;
            fn visit<C: Contender>(self) -> &'static str {
                C::NAME
            }
        }
        self.visit(Name)
    }

    /// Calls `visitor` with this kind's contender type.
    pub fn visit<V: Visit>(self, visitor: V) -> V::Output {
        match self {
            Kind::Executor => visitor.visit::<SharedExecutor>(),
            Kind::ExecutorTimed => visitor.visit::<SharedExecutor<true>>(),
            Kind::Partitioned => visitor.visit::<PartitionedExecutor>(),
            Kind::FastShared => visitor.visit::<FastShared>(),
            Kind::FastPartitioned => visitor.visit::<FastPartitioned>(),
            Kind::Crossbeam => visitor.visit::<CrossbeamPool>(),
            Kind::PerWorkerCrossbeam => visitor.visit::<PerWorkerCrossbeam>(),
            Kind::Threadpool => visitor.visit::<ThreadpoolCrate>(),
            Kind::Rayon => visitor.visit::<RayonPool>(),
            Kind::Mpsc => visitor.visit::<MpscPool>(),
            Kind::Naive => visitor.visit::<NaivePool>(),
            Kind::TokioBlocking => visitor.visit::<TokioBlocking>(),
        }
    }
}
