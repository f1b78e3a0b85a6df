//! The fast core: the same shape of pool (bounded lanes, workers, handles,
//! panic isolation, graceful shutdown), with no lock on the path of a task.
//!
//! Each lane is a lock-free [`Ring`](crate::ring::Ring); idle workers and
//! blocked submitters spin, yield, then park ([`Parking`]), and are woken
//! only when they really sleep. Every atomic comes from the backend, so the
//! same code runs under loom and shuttle, which check the ring's orderings
//! and the parking protocol's wake-ups.
//!
//! For operating it: a backpressure level per lane and for the pool, from
//! depth with hysteresis and, if asked, queue waits and rates
//! ([`FastPool::pressure`]), and each worker's health
//! from a heartbeat the worker writes itself, with the stuck tasks
//! ([`FastPool::health`]), both read without a lock; if asked, queue-wait
//! and run-time percentiles ([`FastPool::latency`]), each worker recording
//! into windows of its own. Retries and dead letters
//! ([`FastPool::submit_retrying`]): the worker that ran a failed
//! attempt keeps the task and runs it again when due, so a retry never
//! goes back through a ring; a lock guards only the budget and the dead
//! letters, and only a failure takes it. If asked, priorities
//! ([`FastPool::submit_at`]): a ring per level, one parking place for
//! the workers, aging counted in atomics.
//!
//! What it leaves out, compared with [`Pool`](crate::Pool): rejection
//! policies other than blocking and failing fast, cancelling one queued
//! task (`shutdown_now` takes them all back),
//! hooks, resizing, idle waits and exact in-flight metrics (see
//! [`FastMetrics`]). Each of those needs either a lock around the queue or
//! a removal from the middle of a ring. Its levels move only when
//! someone looks (see [`FastPool::pressure`]), so a subscriber
//! ([`FastBuilder::on_pressure`]) hears what the looks found, not every
//! change. No supervisor either: nothing
//! but the task runs on a fast worker (no hooks), and its panic is caught,
//! so no panic can end a worker. Nor does it help a task that waits
//! on its own lane: a blocking submit into a full lane that only the
//! calling worker serves fails fast with `Full` (rather than wait for
//! itself), but a `join` of a task queued behind the caller on its own
//! lane waits forever, where `Pool` runs the lane up to it.
//!
//! [`Parking`]: crate::parking::Parking

mod builder;
mod heartbeat;
mod held;
mod lane;
mod latency;
mod levels;
mod looks;
mod metrics;
mod observe;
mod priority;
mod retry;
mod shutdown;
mod submit;
mod watch;
mod worker;

pub use builder::FastBuilder;
pub use heartbeat::Heartbeat;
pub use lane::{Lane, Took};
pub use metrics::FastMetrics;

use crate::clock::Clock;
use crate::error::BuildError;
use crate::ring::Padded;
use crate::sync::{Arc, AtomicU64, Backend, Mutex, thread};
use crate::task::Job;
use builder::FastSettings;
use core::fmt;
use core::time::Duration;
use levels::Levels;
use looks::Looks;
use priority::Aging;
use retry::Retries;
use watch::Watch;
use worker::Own;

/// What a fast pool's handle, workers and submitters share.
pub(crate) struct Core<B: Backend> {
    /// One lane (shared pool) or one per worker (partitioned pool).
    pub(crate) lanes: Box<[Lane<B, Box<dyn Job>>]>,
    /// What each worker writes, on a cache line of its own: its counters
    /// and its heartbeat.
    pub(crate) own: Box<[Padded<Own<B>>]>,
    /// The pressure levels the last look left.
    pub(crate) levels: Levels<B>,
    /// Some if the pressure config watches queue waits or rates, or the
    /// pool has a subscriber: the gauges the looks move.
    pub(crate) looks: Option<Looks<B>>,
    /// Some if the pool has a pressure subscriber: its watcher's settings.
    pub(crate) watch: Option<Watch<B>>,
    /// Some if the pool keeps time: its clock.
    pub(crate) clock: Option<Arc<B, Box<dyn Clock>>>,
    /// The retry budget and the dead letters (touched when an attempt
    /// fails, never when a task succeeds).
    pub(crate) retries: Retries<B>,
    /// Some if the shared pool has priority levels (then its lanes are
    /// the levels, every worker serving all three): their aging.
    pub(crate) aging: Option<Aging<B>>,
    /// One lane per worker, each served by its worker alone.
    pub(crate) partitioned: bool,
    /// Whether tasks are stamped as they are queued (the pool keeps
    /// latency).
    pub(crate) stamps: bool,
    /// Submissions refused (full or closed).
    pub(crate) rejected: AtomicU64<B>,
    /// Tasks `shutdown_now` took off a ring.
    pub(crate) cancelled: AtomicU64<B>,
    /// The pool's threads, the workers in order and then the watcher if
    /// any: to refuse a shutdown's join from inside a task or a
    /// subscriber.
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
        Self::builder().workers(workers).capacity(capacity).build()
    }

    /// Settings beyond workers and capacity: pressure watermarks, time.
    ///
    /// ```
    /// let pool = executor::FastExecutor::builder().workers(1).build()?;
    /// assert_eq!(pool.workers(), 1);
    /// # Ok::<(), executor::BuildError>(())
    /// ```
    pub fn builder() -> FastBuilder<B> {
        FastBuilder::default()
    }

    /// Starts the settings' workers over one ring, or one ring per worker
    /// if `partitioned`.
    pub(crate) fn start(settings: FastSettings<B>, partitioned: bool) -> Result<Self, BuildError> {
        let FastSettings {
            workers,
            capacity,
            pressure,
            clock,
            retries,
            latency_window,
            aging,
            watch,
        } = settings;
        let lanes = match (partitioned, aging) {
            (true, _) => workers,
            (false, Some(_)) => crate::lane::LEVELS,
            (false, None) => 1,
        };
        let now = clock.as_ref().map_or(Duration::ZERO, |c| c.now());
        let rings: Box<[Lane<B, Box<dyn Job>>]> = (0..lanes).map(|_| Lane::new(capacity)).collect();
        // Saturated means full: the ring's slots, rounded up from `capacity`.
        let levels = Levels::new(pressure, rings[0].ring.capacity(), lanes);
        let looks = Looks::new(
            pressure,
            rings[0].ring.capacity(),
            lanes,
            now,
            watch.is_some(),
        );
        let core = Arc::new(Core {
            lanes: rings,
            own: (0..workers)
                .map(|_| Padded(Own::new(now, latency_window, pressure.delay)))
                .collect(),
            levels,
            looks,
            watch: watch.map(|(every, subscriber)| Watch::new(every, subscriber)),
            clock,
            retries: Retries::new(retries),
            aging: aging.map(Aging::new),
            partitioned,
            stamps: latency_window.is_some() || pressure.delay.is_some(),
            rejected: AtomicU64::new(0),
            cancelled: AtomicU64::new(0),
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
        // The workers, then the watcher if the pool has a subscriber.
        let threads = workers + usize::from(pool.core.watch.is_some());
        for index in 0..threads {
            let core = pool.core.clone();
            let is_worker = index < workers;
            let name = if is_worker {
                format!("fast-worker-{index}")
            } else {
                "fast-pressure".to_owned()
            };
            let spawned = thread::spawn::<B, _, _>(name.clone(), move || {
                if is_worker {
                    worker::work(&core, core.lane_of(index), index)
                } else {
                    watch::watch(&core)
                }
            });
            match spawned {
                Ok(handle) => {
                    ids.push(handle.id());
                    handles.push(handle);
                }
                Err(source) => {
                    // The threads started so far are joined by `Drop`.
                    drop((ids, handles));
                    return Err(BuildError::Spawn { name, source });
                }
            }
        }
        drop((ids, handles));
        Ok(pool)
    }

    /// How many worker threads serve the pool.
    pub fn workers(&self) -> usize {
        self.core.own.len()
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
        FastPool::builder()
            .workers(workers)
            .capacity(capacity)
            .build_partitioned()
    }

    /// Settings beyond workers and capacity, as [`FastPool::builder`];
    /// finish with [`FastBuilder::build_partitioned`].
    ///
    /// ```
    /// let pool = executor::FastPartitionedExecutor::builder().workers(2).build_partitioned()?;
    /// assert_eq!(pool.workers(), 2);
    /// # Ok::<(), executor::BuildError>(())
    /// ```
    pub fn builder() -> FastBuilder<B> {
        FastBuilder::default()
    }

    /// How many worker threads (and lanes) serve the pool.
    pub fn workers(&self) -> usize {
        self.pool.workers()
    }
}

impl<B: Backend> Core<B> {
    /// The lane worker `index` serves: its own in a partitioned pool, else
    /// the first (a prioritized pool's workers serve every level from it).
    pub(crate) fn lane_of(&self, index: usize) -> usize {
        if self.partitioned { index } else { 0 }
    }

    /// The pool's clock now, or zero if it keeps no time.
    pub(crate) fn now(&self) -> Duration {
        self.clock
            .as_ref()
            .map_or(Duration::ZERO, |clock| clock.now())
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
