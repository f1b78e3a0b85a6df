//! Building a fast pool: its workers, its lanes' capacity, the pressure
//! watermarks and whether it keeps time; every setting is checked before a
//! thread starts.

use super::{FastPartitionedPool, FastPool};
use crate::builder::DEFAULT_CAPACITY;
use crate::clock::{BackendClock, Clock};
use crate::error::BuildError;
use crate::pressure::PressureConfig;
use crate::sync::{Arc, Backend};
use core::fmt;

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
}
// ANCHOR_END: fast_builder

/// What a started fast pool keeps from its builder.
pub(crate) struct FastSettings<B: Backend> {
    pub(crate) workers: usize,
    pub(crate) capacity: usize,
    pub(crate) pressure: PressureConfig,
    /// Some if the pool keeps time: its clock.
    pub(crate) clock: Option<Arc<B, Box<dyn Clock>>>,
}

impl<B: Backend> Default for FastBuilder<B> {
    fn default() -> Self {
        Self {
            workers: None,
            capacity: DEFAULT_CAPACITY,
            pressure: None,
            timed: false,
            clock: None,
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

    /// The depth watermarks of the backpressure signal (default: a quarter
    /// and three quarters of the capacity). Only depth counts here: see
    /// [`FastPool::pressure`].
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
        let clock = self.timed.then(|| {
            self.clock
                .unwrap_or_else(|| Arc::new(Box::new(BackendClock::<B>::default())))
        });
        Ok(FastSettings {
            workers,
            capacity: self.capacity,
            pressure,
            clock,
        })
    }

    /// Checks the settings and starts a shared-ring pool.
    pub fn build(self) -> Result<FastPool<B>, BuildError> {
        FastPool::start(self.settings()?, false)
    }

    /// Checks the settings and starts a partitioned pool: one ring per
    /// worker.
    pub fn build_partitioned(self) -> Result<FastPartitionedPool<B>, BuildError> {
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
            .finish()
    }
}
