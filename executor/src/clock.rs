//! Time as the pool sees it: a clock the builder can replace, so tests and
//! the model checkers decide when time passes. Every time the pool keeps
//! (queue waits, run times, stuck tasks, pressure intervals) comes from it.

use crate::sync::{Arc, AtomicU64, Backend};
use core::marker::PhantomData;
use core::sync::atomic::Ordering;
use core::time::Duration;

/// A monotonic clock: time since an arbitrary origin.
///
/// ```
/// use std::time::Duration;
/// use executor::{Clock, ManualClock};
/// use executor::sync::Std;
/// let clock = ManualClock::<Std>::new();
/// clock.advance(Duration::from_millis(5));
/// assert_eq!(clock.now(), Duration::from_millis(5));
/// ```
pub trait Clock: Send + Sync + 'static {
    /// The time now. Never goes backwards.
    fn now(&self) -> Duration;
}

/// The backend's own clock ([`Backend::now`]): real time on `Std`, a clock
/// that stands still under the model checkers. The default.
///
/// ```
/// use executor::{BackendClock, Clock};
/// use executor::sync::Std;
/// let clock = BackendClock::<Std>::default();
/// assert!(clock.now() <= clock.now());
/// ```
pub struct BackendClock<B>(PhantomData<fn() -> B>);

impl<B> Default for BackendClock<B> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<B: Backend> Clock for BackendClock<B> {
    fn now(&self) -> Duration {
        B::now()
    }
}

// ANCHOR: manual_clock
/// A clock that moves only when told to: tests and model-checked scenarios
/// advance it between steps, so a "stuck" task or an "interval above
/// target" happens at a chosen point, never by waiting. Clones share one
/// time.
///
/// ```
/// use std::time::Duration;
/// use executor::{Executor, ManualClock};
/// use executor::sync::Std;
/// let clock = ManualClock::<Std>::new();
/// let pool = Executor::builder().clock(clock.clone()).build().unwrap();
/// clock.advance(Duration::from_secs(1));
/// assert_eq!(pool.now(), Duration::from_secs(1));
/// ```
pub struct ManualClock<B: Backend> {
    nanos: Arc<B, AtomicU64<B>>,
}

impl<B: Backend> ManualClock<B> {
    /// A clock at time zero.
    pub fn new() -> Self {
        Self {
            nanos: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Moves time forward by `by`.
    pub fn advance(&self, by: Duration) {
        // Relaxed: the time is a value, not a signal; nothing is published
        // through it, and one location's modification order keeps it
        // monotonic for every reader.
        self.nanos
            .fetch_add(by.as_nanos() as u64, Ordering::Relaxed);
    }
}

impl<B: Backend> Default for ManualClock<B> {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Backend> Clone for ManualClock<B> {
    fn clone(&self) -> Self {
        Self {
            nanos: self.nanos.clone(),
        }
    }
}

impl<B: Backend> Clock for ManualClock<B> {
    fn now(&self) -> Duration {
        // Relaxed: see `advance`.
        Duration::from_nanos(self.nanos.load(Ordering::Relaxed))
    }
}
// ANCHOR_END: manual_clock
