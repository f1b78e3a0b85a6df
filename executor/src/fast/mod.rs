//! The fast core: the same shape of pool (bounded lanes, workers, handles,
//! panic isolation, graceful shutdown), with no lock on the path of a task.
//!
//! Each lane is a lock-free [`Ring`](crate::ring::Ring); idle workers and
//! blocked submitters spin, yield, then park ([`Parking`]), and are woken
//! only when they really sleep. Every atomic comes from the backend, so the
//! same code runs under loom and shuttle, which check the ring's orderings
//! and the parking protocol's wake-ups.
//!
//! What it leaves out, compared with [`Pool`](crate::Pool): rejection
//! policies other than blocking and failing fast, cancelling a queued task,
//! hooks, resizing, idle waits and exact in-flight metrics (see
//! [`FastMetrics`]). Each of those needs either a lock around the queue or
//! a removal from the middle of a ring. Nor does it help a task that waits
//! on its own lane: a blocking submit into a full lane that only the
//! calling worker serves fails fast with `Full` (rather than wait for
//! itself), but a `join` of a task queued behind the caller on its own
//! lane waits forever, where `Pool` runs the lane up to it.
//!
//! [`Parking`]: crate::parking::Parking

mod lane;
mod metrics;
mod shutdown;
mod submit;
mod worker;

pub use lane::Lane;
pub use metrics::FastMetrics;

use crate::error::BuildError;
use crate::ring::Padded;
use crate::sync::{Arc, AtomicU64, Backend, Mutex, thread};
use crate::task::Job;
use core::fmt;
use metrics::Counters;

/// What a fast pool's handle, workers and submitters share.
pub(crate) struct Core<B: Backend> {
    /// One lane (shared pool) or one per worker (partitioned pool).
    pub(crate) lanes: Box<[Lane<B, Box<dyn Job>>]>,
    /// One set of counters per worker, each written by its worker only.
    pub(crate) counters: Box<[Padded<Counters<B>>]>,
    /// Submissions refused (full or closed).
    pub(crate) rejected: AtomicU64<B>,
    /// The workers' threads: to refuse a shutdown's join from inside a task.
    pub(crate) worker_ids: Mutex<B, Vec<B::ThreadId>>,
}

// ANCHOR: fast_pool
/// A shared-queue pool on the fast core: every worker serves one ring.
///
/// ```
/// use executor::FastExecutor;
/// let pool = FastExecutor::new(2, 1024)?;
/// pool.execute(|| println!("fire and forget"))?; // the cheapest path
/// let answer = pool.submit(|| 6 * 7)?.join()?;
/// assert_eq!(answer, 42);
/// pool.shutdown()?;
/// assert_eq!(pool.metrics().completed, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct FastPool<B: Backend> {
    pub(crate) core: Arc<B, Core<B>>,
    pub(crate) workers: Mutex<B, Vec<thread::JoinHandle<B, ()>>>,
}
// ANCHOR_END: fast_pool

/// A partitioned pool on the fast core: one ring per worker, a task's key
/// picks the ring, so tasks of one key run one at a time in submission
/// order.
///
/// ```
/// use executor::FastPartitionedExecutor;
/// let pool = FastPartitionedExecutor::new(2, 1024)?;
/// let first = pool.submit("account-7", || "debit")?;
/// let second = pool.submit("account-7", || "credit")?; // starts after `first`
/// assert_eq!((first.join()?, second.join()?), ("debit", "credit"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct FastPartitionedPool<B: Backend> {
    pub(crate) pool: FastPool<B>,
}

/// The production fast pool, on parking_lot and std threads.
pub type FastExecutor = FastPool<crate::sync::Std>;
/// The production fast partitioned pool.
pub type FastPartitionedExecutor = FastPartitionedPool<crate::sync::Std>;

impl<B: Backend> FastPool<B> {
    /// `workers` threads serving one ring of at least `capacity` slots
    /// (rounded up to a power of two, and to at least 2).
    ///
    /// ```
    /// use executor::{BuildError, FastExecutor};
    /// assert!(matches!(FastExecutor::new(0, 8), Err(BuildError::ZeroWorkers)));
    /// assert!(matches!(FastExecutor::new(1, 0), Err(BuildError::ZeroCapacity)));
    /// ```
    pub fn new(workers: usize, capacity: usize) -> Result<Self, BuildError> {
        Self::start(workers, capacity, 1)
    }

    /// Starts `workers` threads over `lanes` rings (1, or one per worker).
    pub(crate) fn start(workers: usize, capacity: usize, lanes: usize) -> Result<Self, BuildError> {
        if workers == 0 {
            return Err(BuildError::ZeroWorkers);
        }
        if capacity == 0 {
            return Err(BuildError::ZeroCapacity);
        }
        let core = Arc::new(Core {
            lanes: (0..lanes).map(|_| Lane::new(capacity)).collect(),
            counters: (0..workers).map(|_| Padded(Counters::new())).collect(),
            rejected: AtomicU64::new(0),
            worker_ids: Mutex::new(Vec::with_capacity(workers)),
        });
        let pool = Self {
            core,
            workers: Mutex::new(Vec::with_capacity(workers)),
        };
        // Ids are recorded before `start` returns, so before any task of
        // ours can ask whether it runs on a worker.
        let mut ids = pool.core.worker_ids.lock();
        let mut handles = pool.workers.lock();
        for index in 0..workers {
            let core = pool.core.clone();
            let spawned = thread::spawn::<B, _, _>(format!("fast-worker-{index}"), move || {
                worker::work(&core, index % lanes, index)
            });
            match spawned {
                Ok(handle) => {
                    ids.push(handle.id());
                    handles.push(handle);
                }
                Err(source) => {
                    // The workers started so far are joined by `Drop`.
                    drop((ids, handles));
                    return Err(BuildError::Spawn {
                        name: format!("fast-worker-{index}"),
                        source,
                    });
                }
            }
        }
        drop((ids, handles));
        Ok(pool)
    }

    /// How many worker threads serve the pool.
    pub fn workers(&self) -> usize {
        self.core.counters.len()
    }

    /// Slots per lane (the capacity asked for, rounded up to a power of two
    /// and to at least 2).
    pub fn capacity(&self) -> usize {
        self.core.lanes[0].ring.capacity()
    }
}

impl<B: Backend> FastPartitionedPool<B> {
    /// `workers` threads, each serving its own ring of at least `capacity`
    /// slots.
    ///
    /// ```
    /// use executor::{BuildError, FastPartitionedExecutor};
    /// assert!(matches!(FastPartitionedExecutor::new(0, 8), Err(BuildError::ZeroWorkers)));
    /// ```
    pub fn new(workers: usize, capacity: usize) -> Result<Self, BuildError> {
        Ok(Self {
            pool: FastPool::start(workers, capacity, workers)?,
        })
    }

    /// How many worker threads (and lanes) serve the pool.
    pub fn workers(&self) -> usize {
        self.pool.workers()
    }
}

impl<B: Backend> fmt::Debug for FastPool<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastPool")
            .field("backend", &B::NAME)
            .field("workers", &self.workers())
            .field("lanes", &self.core.lanes.len())
            .field("metrics", &self.metrics())
            .finish()
    }
}

impl<B: Backend> fmt::Debug for FastPartitionedPool<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FastPartitionedPool")
            .field(&self.pool)
            .finish()
    }
}
