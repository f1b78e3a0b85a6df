//! Configuring a pool: workers, queue capacity, thread names, policy.

use crate::clock::{BackendClock, Clock};
use crate::error::BuildError;
use crate::hooks::{Hooks, TaskEvent, WorkerEvent};
use crate::partitioned::PartitionedPool;
use crate::policy::RejectionPolicy;
use crate::pool::Pool;
use crate::pressure::PressureConfig;
use crate::queue::{Mode, Settings};
use crate::retry::RetrySettings;
use crate::supervise::{PanicPolicy, RestartIntensity};
use crate::sync::{Arc, Backend};
use core::marker::PhantomData;
use core::time::Duration;

/// The queue capacity used when none is given.
pub const DEFAULT_CAPACITY: usize = 1024;

/// The aging bound used when none is given (see [`Builder::aging`]).
pub const DEFAULT_AGING: usize = 8;

/// Builds a [`Pool`]. Every setting has a default; zero workers or zero
/// capacity is an error, not a panic.
///
/// ```
/// use executor::{BuildError, Executor, RejectionPolicy};
/// let pool = Executor::builder()
///     .workers(4)
///     .capacity(100)
///     .name_prefix("api")
///     .policy(RejectionPolicy::Abort)
///     .build()
///     .unwrap();
/// assert_eq!(pool.workers(), 4);
/// assert!(matches!(Executor::builder().workers(0).build(), Err(BuildError::ZeroWorkers)));
/// ```
#[derive(Clone)]
pub struct Builder<B: Backend> {
    workers: Option<usize>,
    capacity: usize,
    name_prefix: String,
    policy: RejectionPolicy,
    max_workers: Option<usize>,
    keep_alive: Option<Duration>,
    pub(crate) hooks: Hooks<B>,
    pub(crate) pressure: Option<PressureConfig>,
    pub(crate) latency_window: Option<Duration>,
    pub(crate) timed: bool,
    pub(crate) aging: usize,
    pub(crate) clock: Option<Arc<B, Box<dyn Clock>>>,
    pub(crate) panic_policy: PanicPolicy,
    pub(crate) restart_intensity: RestartIntensity,
    /// Retry budget, dead-letter queue size, key order (set in `retry`).
    pub(crate) retries: RetrySettings,
    _backend: PhantomData<fn() -> B>,
}

impl<B: Backend> core::fmt::Debug for Builder<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Builder")
            .field("workers", &self.workers)
            .field("capacity", &self.capacity)
            .field("name_prefix", &self.name_prefix)
            .field("policy", &self.policy)
            .field("max_workers", &self.max_workers)
            .field("keep_alive", &self.keep_alive)
            .field("hooks", &self.hooks)
            .field("pressure", &self.pressure)
            .field("latency_window", &self.latency_window)
            .field("timed", &self.timed)
            .field("aging", &self.aging)
            .field("clock", &self.clock.as_ref().map(|_| "custom"))
            .field("panic_policy", &self.panic_policy)
            .field("restart_intensity", &self.restart_intensity)
            .finish()
    }
}

impl<B: Backend> Default for Builder<B> {
    fn default() -> Self {
        Self {
            workers: None,
            capacity: DEFAULT_CAPACITY,
            name_prefix: "worker".to_owned(),
            policy: RejectionPolicy::default(),
            max_workers: None,
            keep_alive: None,
            hooks: Hooks::default(),
            pressure: None,
            latency_window: None,
            timed: false,
            aging: DEFAULT_AGING,
            clock: None,
            panic_policy: PanicPolicy::default(),
            restart_intensity: RestartIntensity::default(),
            retries: RetrySettings::default(),
            _backend: PhantomData,
        }
    }
}

impl<B: Backend> Builder<B> {
    /// Number of worker threads (default: [`crate::sizing::cores`]).
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = Some(n);
        self
    }

    /// How many tasks may wait in the queue (default [`DEFAULT_CAPACITY`]).
    pub fn capacity(mut self, n: usize) -> Self {
        self.capacity = n;
        self
    }

    /// Workers are named `{prefix}-{index}` (default prefix `worker`).
    pub fn name_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.name_prefix = prefix.into();
        self
    }

    /// What `submit` does when the queue is full (default: block).
    pub fn policy(mut self, policy: RejectionPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The most workers a resize ([`Pool::resize`],
    /// [`PartitionedPool::resize`]) may grow to (default: twice the
    /// starting count). A partitioned pool makes every lane's wake-up
    /// signals up front, so the hot path never reallocates them.
    pub fn max_workers(mut self, n: usize) -> Self {
        self.max_workers = Some(n);
        self
    }

    /// Shared pools: a worker above the starting count (started by a
    /// [`Pool::resize`]) that idles this long leaves, one per expiry,
    /// down to the starting count (default: they stay). Only a latency and
    /// memory matter: nothing relies on the timer firing.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder()
    ///     .workers(1)
    ///     .max_workers(4)
    ///     .keep_alive(Duration::from_millis(10))
    ///     .build()
    ///     .unwrap();
    /// pool.resize(4).unwrap(); // a burst
    /// while pool.workers() > 1 {
    ///     std::thread::sleep(Duration::from_millis(5)); // the extra three idle out
    /// }
    /// ```
    pub fn keep_alive(mut self, idle: Duration) -> Self {
        self.keep_alive = Some(idle);
        self
    }

    // ANCHOR: hooks
    /// Runs `hook` on each worker thread as it starts, before it takes a
    /// task (an initializer: thread-locals, logging context, affinity).
    /// Like every hook, it runs outside the pool's lock with its panics
    /// caught and dropped.
    pub fn on_worker_start(mut self, hook: impl Fn(&WorkerEvent) + Send + Sync + 'static) -> Self {
        self.hooks.worker_start = Some(Arc::new(Box::new(hook)));
        self
    }

    /// Runs `hook` on each worker thread as it leaves (shutdown, a shrink,
    /// the keep-alive); termination waits for it.
    ///
    /// ```
    /// use std::sync::mpsc;
    /// use std::sync::Mutex;
    /// use executor::Executor;
    /// let (tx, rx) = mpsc::channel();
    /// let tx = Mutex::new(tx);
    /// let pool = Executor::builder()
    ///     .workers(1)
    ///     .on_worker_stop(move |w| tx.lock().unwrap().send(w.name.clone()).unwrap())
    ///     .build()
    ///     .unwrap();
    /// pool.shutdown().unwrap();
    /// assert_eq!(rx.try_recv().unwrap(), "worker-0"); // before shutdown returned
    /// ```
    pub fn on_worker_stop(mut self, hook: impl Fn(&WorkerEvent) + Send + Sync + 'static) -> Self {
        self.hooks.worker_stop = Some(Arc::new(Box::new(hook)));
        self
    }

    /// Runs `hook` on the worker just before each task, with its id and
    /// how long it waited in the queue. Not for tasks run on the caller.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder()
    ///     .before_task(|task| {
    ///         if task.queue_wait > Duration::from_secs(1) {
    ///             eprintln!("{} waited {:?}: the queue is too long", task.id, task.queue_wait);
    ///         }
    ///     })
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(pool.submit(|| 1).unwrap().join(), Ok(1));
    /// ```
    pub fn before_task(mut self, hook: impl Fn(&TaskEvent) + Send + Sync + 'static) -> Self {
        self.hooks.before_task = Some(Arc::new(Box::new(hook)));
        self
    }

    /// Runs `hook` on the worker just after each task, with its outcome,
    /// queue wait and run time (after the handle resolved; `wait_idle`
    /// waits for it). Not for tasks run on the caller.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicU64, Ordering};
    /// use std::sync::Arc;
    /// use executor::{Executor, Outcome};
    /// let failed = Arc::new(AtomicU64::new(0));
    /// let seen = failed.clone();
    /// let pool = Executor::builder()
    ///     .after_task(move |task| {
    ///         if task.outcome == Some(Outcome::Panicked) {
    ///             // Relaxed: a count read after wait_idle.
    ///             seen.fetch_add(1, Ordering::Relaxed);
    ///         }
    ///     })
    ///     .build()
    ///     .unwrap();
    /// pool.execute(|| panic!("a failing job")).unwrap();
    /// pool.wait_idle().unwrap();
    /// assert_eq!(failed.load(Ordering::Relaxed), 1);
    /// ```
    pub fn after_task(mut self, hook: impl Fn(&TaskEvent) + Send + Sync + 'static) -> Self {
        self.hooks.after_task = Some(Arc::new(Box::new(hook)));
        self
    }
    // ANCHOR_END: hooks

    // ANCHOR: checked
    fn checked(&self) -> Result<usize, BuildError> {
        let workers = self.workers.unwrap_or_else(crate::sizing::cores);
        if workers == 0 {
            return Err(BuildError::ZeroWorkers);
        }
        if self.capacity == 0 {
            return Err(BuildError::ZeroCapacity);
        }
        if let Some(p) = self.pressure.filter(|p| !p.is_valid(self.capacity)) {
            return Err(BuildError::Watermarks {
                low: p.low,
                high: p.high,
                capacity: self.capacity,
            });
        }
        if self.latency_window.is_some_and(|w| w.is_zero()) {
            return Err(BuildError::ZeroLatencyWindow);
        }
        if self.aging == 0 {
            return Err(BuildError::ZeroAging);
        }
        if self.retries.dead_letters == 0 {
            return Err(BuildError::ZeroDeadLetters);
        }
        let RestartIntensity { restarts, within } = self.restart_intensity;
        if restarts == 0 || within.is_zero() {
            return Err(BuildError::RestartIntensity { restarts, within });
        }
        Ok(workers)
    }
    // ANCHOR_END: checked

    /// The checked settings for a pool of `mode`.
    fn settings(self, mode: Mode) -> Result<Settings<B>, BuildError> {
        let workers = self.checked()?;
        let max = self.max_workers.unwrap_or(workers * 2);
        if max < workers {
            return Err(BuildError::MaxBelowWorkers { workers, max });
        }
        Ok(Settings {
            mode,
            workers,
            lanes: if mode == Mode::Shared { 1 } else { max },
            max_workers: max,
            capacity: self.capacity,
            prefix: self.name_prefix,
            policy: self.policy,
            keep_alive: self.keep_alive,
            hooks: self.hooks,
            pressure: self
                .pressure
                .unwrap_or_else(|| PressureConfig::default_for(self.capacity)),
            latency_window: self.latency_window,
            timed: self.timed,
            aging: self.aging,
            clock: self
                .clock
                .unwrap_or_else(|| Arc::new(Box::new(BackendClock::<B>::default()))),
            panic_policy: self.panic_policy,
            restart_intensity: self.restart_intensity,
            retries: self.retries,
        })
    }

    /// Validates the settings and starts a shared-queue pool.
    pub fn build(self) -> Result<Pool<B>, BuildError> {
        Pool::start(self.settings(Mode::Shared)?)
    }

    /// Validates the settings and starts a partitioned pool: one lane of
    /// `capacity` per worker, tasks routed by key.
    ///
    /// ```
    /// use executor::{BuildError, Executor, RejectionPolicy};
    /// let pool = Executor::builder().workers(4).build_partitioned().unwrap();
    /// assert_eq!(pool.workers(), 4);
    /// let refused = Executor::builder().policy(RejectionPolicy::CallerRuns).build_partitioned();
    /// assert!(matches!(refused, Err(BuildError::CallerRunsBreaksOrder)));
    /// ```
    pub fn build_partitioned(self) -> Result<PartitionedPool<B>, BuildError> {
        if self.policy == RejectionPolicy::CallerRuns {
            self.checked()?;
            return Err(BuildError::CallerRunsBreaksOrder);
        }
        Ok(PartitionedPool::new(Pool::start(
            self.settings(Mode::Partitioned)?,
        )?))
    }
}
