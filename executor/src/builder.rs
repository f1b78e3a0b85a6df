//! Configuring a pool: workers, queue capacity, thread names, policy.

use crate::error::BuildError;
use crate::partitioned::PartitionedPool;
use crate::policy::RejectionPolicy;
use crate::pool::Pool;
use crate::queue::Mode;
use crate::sync::Backend;
use core::marker::PhantomData;

/// The queue capacity used when none is given.
pub const DEFAULT_CAPACITY: usize = 1024;

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
#[derive(Debug, Clone)]
pub struct Builder<B> {
    workers: Option<usize>,
    capacity: usize,
    name_prefix: String,
    policy: RejectionPolicy,
    max_workers: Option<usize>,
    _backend: PhantomData<fn() -> B>,
}

impl<B: Backend> Default for Builder<B> {
    fn default() -> Self {
        Self {
            workers: None,
            capacity: DEFAULT_CAPACITY,
            name_prefix: "worker".to_owned(),
            policy: RejectionPolicy::default(),
            max_workers: None,
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

    /// Partitioned pools: the most workers a [`PartitionedPool::resize`]
    /// may grow to (default: twice the starting count). Every lane's wake-up
    /// signals are made up front, so the hot path never reallocates them.
    pub fn max_workers(mut self, n: usize) -> Self {
        self.max_workers = Some(n);
        self
    }

    // ANCHOR: checked
    fn checked(&self) -> Result<usize, BuildError> {
        let workers = self.workers.unwrap_or_else(crate::sizing::cores);
        if workers == 0 {
            return Err(BuildError::ZeroWorkers);
        }
        if self.capacity == 0 {
            return Err(BuildError::ZeroCapacity);
        }
        Ok(workers)
    }
    // ANCHOR_END: checked

    /// Validates the settings and starts a shared-queue pool.
    pub fn build(self) -> Result<Pool<B>, BuildError> {
        let workers = self.checked()?;
        Pool::start(
            Mode::Shared,
            workers,
            1,
            self.capacity,
            &self.name_prefix,
            self.policy,
        )
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
        let workers = self.checked()?;
        if self.policy == RejectionPolicy::CallerRuns {
            return Err(BuildError::CallerRunsBreaksOrder);
        }
        let max = self.max_workers.unwrap_or(workers * 2);
        if max < workers {
            return Err(BuildError::MaxBelowWorkers { workers, max });
        }
        let pool = Pool::start(
            Mode::Partitioned,
            workers,
            max,
            self.capacity,
            &self.name_prefix,
            self.policy,
        )?;
        Ok(PartitionedPool::new(pool))
    }
}
