//! Building a fast pool: its workers, its lanes' capacity, the pressure
//! watermarks and whether it keeps time; every setting is checked before a
//! thread starts.

use super::watch::Subscriber;
use super::{FastPartitionedPool, FastPool};
use crate::builder::DEFAULT_CAPACITY;
use crate::clock::{BackendClock, Clock};
use crate::error::BuildError;
use crate::pressure::{PressureConfig, PressureEvent};
use crate::retry::{KeyOrder, RetryBudget, RetrySettings};
use crate::sync::{Arc, Backend};
use core::fmt;
use core::time::Duration;

// ANCHOR: fast_builder
/// Settings for a [`FastPool`] or a [`FastPartitionedPool`].
///
/// ```
/// use executor::{BuildError, FastExecutor, Level, PressureConfig};
/// let pool = FastExecutor::builder()
///     .workers(2)
///     .capacity(64)
///     .pressure(PressureConfig::watermarks(8, 48))
///     .timed()
///     .build()?;
/// assert_eq!(pool.pressure().pool, Level::Normal);
/// let inverted = FastExecutor::builder().capacity(64).pressure(PressureConfig::watermarks(48, 8)).build();
/// assert!(matches!(inverted, Err(BuildError::Watermarks { low: 48, high: 8, capacity: 64 })));
/// # Ok::<(), BuildError>(())
/// ```
pub struct FastBuilder<B: Backend> {
    workers: Option<usize>,
    capacity: usize,
    pressure: Option<PressureConfig>,
    timed: bool,
    clock: Option<Arc<B, Box<dyn Clock>>>,
    retries: RetrySettings,
    latency_window: Option<Duration>,
    priorities: Option<usize>,
    watch: Option<(Duration, Arc<B, Box<Subscriber>>)>,
}
// ANCHOR_END: fast_builder

/// What a started fast pool keeps from its builder.
pub(crate) struct FastSettings<B: Backend> {
    pub(crate) workers: usize,
    pub(crate) capacity: usize,
    pub(crate) pressure: PressureConfig,
    /// Some if the pool keeps time: its clock.
    pub(crate) clock: Option<Arc<B, Box<dyn Clock>>>,
    pub(crate) retries: RetrySettings,
    /// Some if the workers keep latency windows: their length.
    pub(crate) latency_window: Option<Duration>,
    /// Some if a shared pool has priority levels: the aging bound.
    pub(crate) aging: Option<usize>,
    /// Some if the pool has a pressure subscriber: how often the watcher
    /// looks, and the subscriber.
    pub(crate) watch: Option<(Duration, Arc<B, Box<Subscriber>>)>,
}

impl<B: Backend> Default for FastBuilder<B> {
    fn default() -> Self {
        Self {
            workers: None,
            capacity: DEFAULT_CAPACITY,
            pressure: None,
            timed: false,
            clock: None,
            retries: RetrySettings::default(),
            latency_window: None,
            priorities: None,
            watch: None,
        }
    }
}

impl<B: Backend> FastBuilder<B> {
    /// Number of worker threads (default: [`crate::sizing::cores`]).
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = Some(n);
        self
    }

    /// Slots per lane, at least (default [`DEFAULT_CAPACITY`]; rounded up
    /// to a power of two, and to at least 2).
    pub fn capacity(mut self, n: usize) -> Self {
        self.capacity = n;
        self
    }

    /// The backpressure signal's settings (default: depth watermarks at a
    /// quarter and three quarters of the capacity). A
    /// [`target_wait`](PressureConfig::target_wait) adds queue waits and
    /// rates (see [`FastPool::pressure`]) and implies [`Self::timed`];
    /// each task is then stamped as it is queued.
    pub fn pressure(mut self, config: PressureConfig) -> Self {
        self.pressure = Some(config);
        self
    }

    /// Reads the clock as each task starts and finishes, so that
    /// [`FastPool::health`] says since when a worker runs its task and
    /// reports the stuck ones. Off by default: two clock reads per task.
    pub fn timed(mut self) -> Self {
        self.timed = true;
        self
    }

    /// The clock a timed pool reads (default: the backend's). Tests pass a
    /// [`ManualClock`](crate::ManualClock).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Some(Arc::new(Box::new(clock)));
        self
    }

    /// Keeps queue-wait and run-time histograms over the last `window`
    /// (see [`FastPool::latency`]); implies [`Self::timed`]. Each worker
    /// records into its own windows, so workers never contend, and each
    /// task is stamped as it is queued: a clock read and a second
    /// allocation per task. Zero is an error.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{BuildError, FastExecutor};
    /// let refused = FastExecutor::builder().latency_window(Duration::ZERO).build();
    /// assert!(matches!(refused, Err(BuildError::ZeroLatencyWindow)));
    /// ```
    pub fn latency_window(mut self, window: Duration) -> Self {
        self.latency_window = Some(window);
        self.timed = true;
        self
    }

    /// Caps retries pool-wide (default [`RetryBudget::default`]).
    ///
    /// ```
    /// use executor::{FastExecutor, RetryBudget};
    /// let pool = FastExecutor::builder().retry_budget(RetryBudget::new(20, 10)?).build()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retries.budget = budget;
        self
    }

    /// How many dead letters the pool keeps, the oldest pushed out first
    /// (default [`DEFAULT_DEAD_LETTERS`](crate::DEFAULT_DEAD_LETTERS);
    /// zero is an error).
    ///
    /// ```
    /// use executor::{BuildError, FastExecutor};
    /// let refused = FastExecutor::builder().dead_letters(0).build();
    /// assert!(matches!(refused, Err(BuildError::ZeroDeadLetters)));
    /// ```
    pub fn dead_letters(mut self, capacity: usize) -> Self {
        self.retries.dead_letters = capacity;
        self
    }

    /// Partitioned pools: whether a task waiting for a retry holds its
    /// lane (default [`KeyOrder::Hold`]; see
    /// [`FastPartitionedPool::submit_retrying`]).
    ///
    /// ```
    /// use executor::{FastPartitionedExecutor, KeyOrder};
    /// let pool = FastPartitionedExecutor::builder().key_order(KeyOrder::Pass).build_partitioned()?;
    /// # Ok::<(), executor::BuildError>(())
    /// ```
    pub fn key_order(mut self, order: KeyOrder) -> Self {
        self.retries.key_order = order;
        self
    }

    /// Gives a shared pool three priority levels (see
    /// [`FastPool::submit_at`]), a task at the head of its level passed
    /// over by at most about `aging` higher-priority tasks. Off by
    /// default: each take then looks at three rings and keeps the aging
    /// counts. Zero is an error, and so are priorities in a partitioned
    /// pool (they would break per-key order).
    ///
    /// ```
    /// use executor::{BuildError, FastExecutor, FastPartitionedExecutor};
    /// let refused = FastExecutor::builder().priorities(0).build();
    /// assert!(matches!(refused, Err(BuildError::ZeroAging)));
    /// let refused = FastPartitionedExecutor::builder().priorities(4).build_partitioned();
    /// assert!(matches!(refused, Err(BuildError::PrioritiesBreakOrder)));
    /// ```
    pub fn priorities(mut self, aging: usize) -> Self {
        self.priorities = Some(aging);
        self
    }

    // ANCHOR: fast_on_pressure
    /// Calls `subscriber` with each change of the backpressure signal,
    /// from a thread of the pool's (`fast-pressure`) that looks `every`
    /// period and also delivers what callers' looks found: once each, in
    /// the order the looks found them, outside every lock, inside a panic
    /// boundary. A change that comes and goes between two looks is not
    /// seen. After a shutdown has joined the workers, the watcher takes a
    /// last look, so the return to Normal is heard. Zero is an error.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use std::time::Duration;
    /// use executor::{FastExecutor, Level, PressureConfig, PressureEvent};
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = seen.clone();
    /// let pool = FastExecutor::builder()
    ///     .workers(1)
    ///     .capacity(4)
    ///     .pressure(PressureConfig::watermarks(1, 3))
    ///     .on_pressure(Duration::from_secs(3600), move |e| log.lock().unwrap().push(*e))
    ///     .build()?;
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// pool.execute(move || rx.recv().unwrap())?;
    /// # while pool.metrics().queued != 0 { std::thread::yield_now(); }
    /// for _ in 0..3 {
    ///     pool.execute(|| ())?;
    /// }
    /// assert_eq!(pool.pressure().pool, Level::Elevated); // this look finds the change
    /// tx.send(())?;
    /// pool.shutdown()?; // the watcher's last look finds the drained pool
    /// let levels: Vec<Level> = seen.lock().unwrap().iter().filter_map(|e| match e {
    ///     PressureEvent::Level { to, .. } => Some(*to),
    ///     _ => None,
    /// }).collect();
    /// assert_eq!(levels, [Level::Elevated, Level::Normal]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on_pressure(
        mut self,
        every: Duration,
        subscriber: impl Fn(&PressureEvent) + Send + Sync + 'static,
    ) -> Self {
        self.watch = Some((every, Arc::new(Box::new(subscriber))));
        self
    }
    // ANCHOR_END: fast_on_pressure

    fn settings(self) -> Result<FastSettings<B>, BuildError> {
        let workers = self.workers.unwrap_or_else(crate::sizing::cores);
        if workers == 0 {
            return Err(BuildError::ZeroWorkers);
        }
        if self.capacity == 0 {
            return Err(BuildError::ZeroCapacity);
        }
        let pressure = self
            .pressure
            .unwrap_or_else(|| PressureConfig::default_for(self.capacity));
        if !pressure.is_valid(self.capacity) {
            return Err(BuildError::Watermarks {
                low: pressure.low,
                high: pressure.high,
                capacity: self.capacity,
            });
        }
        if self.latency_window.is_some_and(|w| w.is_zero()) {
            return Err(BuildError::ZeroLatencyWindow);
        }
        if self.retries.dead_letters == 0 {
            return Err(BuildError::ZeroDeadLetters);
        }
        if self.priorities == Some(0) {
            return Err(BuildError::ZeroAging);
        }
        if self
            .watch
            .as_ref()
            .is_some_and(|(every, _)| every.is_zero())
        {
            return Err(BuildError::ZeroWatchPeriod);
        }
        // Queue waits and rates are read on the pool's clock.
        let timed = self.timed || pressure.delay.is_some() || pressure.rate_interval.is_some();
        let clock = timed.then(|| {
            self.clock
                .unwrap_or_else(|| Arc::new(Box::new(BackendClock::<B>::default())))
        });
        Ok(FastSettings {
            workers,
            capacity: self.capacity,
            pressure,
            clock,
            retries: self.retries,
            latency_window: self.latency_window,
            aging: self.priorities,
            watch: self.watch,
        })
    }

    /// Checks the settings and starts a shared-ring pool.
    pub fn build(self) -> Result<FastPool<B>, BuildError> {
        FastPool::start(self.settings()?, false)
    }

    /// Checks the settings and starts a partitioned pool: one ring per
    /// worker.
    pub fn build_partitioned(self) -> Result<FastPartitionedPool<B>, BuildError> {
        if self.priorities.is_some() {
            return Err(BuildError::PrioritiesBreakOrder);
        }
        Ok(FastPartitionedPool {
            pool: FastPool::start(self.settings()?, true)?,
        })
    }
}

impl<B: Backend> fmt::Debug for FastBuilder<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastBuilder")
            .field("workers", &self.workers)
            .field("capacity", &self.capacity)
            .field("pressure", &self.pressure)
            .field("timed", &self.timed)
            .field("clock", &self.clock.as_ref().map(|_| "custom"))
            .field("retries", &self.retries)
            .field("latency_window", &self.latency_window)
            .field("priorities", &self.priorities)
            .field("subscribed", &self.watch.as_ref().map(|(every, _)| every))
            .finish()
    }
}
