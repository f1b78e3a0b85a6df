//! The backpressure signal: how loaded a lane (and the pool) is, as a level
//! with hysteresis, so a caller can slow down before the queue refuses it.
//!
//! Three signals raise the level, and the highest wins:
//! - **depth** against a low and a high watermark: Elevated from the high
//!   one, Saturated when full; it falls back only below the *lower* mark of
//!   each band, so a depth wobbling around one mark cannot flap;
//! - **queue wait** against a target, in the manner of CoDel: waits above
//!   the target for a whole interval mean a standing queue (Saturated); a
//!   single slow task does not, and one wait under the target clears it;
//! - **arrival rate against service rate**, averaged over intervals:
//!   arrivals outpacing service by a quarter (Elevated) until service
//!   catches up again.
//!
//! Only depth works under the model checkers: their clock stands still, so
//! no interval ever ends. Nothing here decides correctness, only advice.

use core::fmt;
use core::time::Duration;

// ANCHOR: level
/// How loaded a lane or the pool is.
///
/// ```
/// use executor::Level;
/// assert!(Level::Normal < Level::Elevated && Level::Elevated < Level::Saturated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Level {
    /// Keeping up.
    #[default]
    Normal,
    /// Falling behind: callers should slow down.
    Elevated,
    /// Full, or a standing queue: callers should back off (a 503).
    Saturated,
}
// ANCHOR_END: level

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Normal => "normal",
            Self::Elevated => "elevated",
            Self::Saturated => "saturated",
        })
    }
}

/// What a pressure level is about: the whole pool or one lane.
///
/// ```
/// use executor::Scope;
/// assert_ne!(Scope::Pool, Scope::Lane(0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The pool: its total depth against the marks times the lanes in use.
    Pool,
    /// One lane (a shared pool has lane 0 only).
    Lane(usize),
}

/// Which signal set the level a transition moved to.
///
/// ```
/// use executor::Cause;
/// assert_eq!(Cause::Depth.to_string(), "queue depth");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cause {
    /// The queue depth against the watermarks.
    Depth,
    /// Queue waits above the target for a whole interval.
    Delay,
    /// Arrivals outpacing service.
    Rate,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Depth => "queue depth",
            Self::Delay => "queue wait above target",
            Self::Rate => "arrivals outpacing service",
        })
    }
}

// ANCHOR: pressure_event
/// A change of the backpressure signal, as
/// [`Builder::on_pressure`](crate::Builder::on_pressure) receives it: once
/// each, in the order they happened, outside the pool's lock.
///
/// ```
/// use executor::{Cause, Level, PressureEvent, Scope};
/// let e = PressureEvent::Level {
///     scope: Scope::Pool, from: Level::Normal, to: Level::Elevated,
///     cause: Cause::Depth, depth: 12, at: std::time::Duration::ZERO,
/// };
/// assert_eq!(e.to_string(), "pool: normal -> elevated (queue depth, 12 queued)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PressureEvent {
    /// A scope's level changed.
    Level {
        /// The pool or a lane.
        scope: Scope,
        /// The level before.
        from: Level,
        /// The level now.
        to: Level,
        /// The signal behind the new level.
        cause: Cause,
        /// The scope's queue depth at the change.
        depth: usize,
        /// When, on the pool's clock (zero unless the pool keeps time:
        /// see [`Builder::timed`](crate::Builder::timed)).
        at: Duration,
    },
    /// A lane became hot (saturated while another lane in use is normal),
    /// or stopped being hot: its keys wait while other workers idle.
    HotPartition {
        /// The lane.
        lane: usize,
        /// Hot now, or no longer.
        hot: bool,
        /// When, on the pool's clock (zero unless the pool keeps time:
        /// see [`Builder::timed`](crate::Builder::timed)).
        at: Duration,
    },
}
// ANCHOR_END: pressure_event

impl PressureEvent {
    /// The event for a scope's change of level, if there was one (as a
    /// gauge's update returns it).
    pub(crate) fn level(
        scope: Scope,
        change: Option<(Level, Level, Cause)>,
        depth: usize,
        at: Duration,
    ) -> Option<Self> {
        let (from, to, cause) = change?;
        Some(Self::Level {
            scope,
            from,
            to,
            cause,
            depth,
            at,
        })
    }
}

impl fmt::Display for PressureEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Level {
                scope,
                from,
                to,
                cause,
                depth,
                ..
            } => {
                match scope {
                    Scope::Pool => f.write_str("pool")?,
                    Scope::Lane(lane) => write!(f, "lane {lane}")?,
                }
                write!(f, ": {from} -> {to} ({cause}, {depth} queued)")
            }
            Self::HotPartition { lane, hot, .. } => {
                let what = if hot { "hot" } else { "no longer hot" };
                write!(f, "lane {lane}: {what}")
            }
        }
    }
}

// ANCHOR: pressure_config
/// When the pressure level rises and falls. Depths are per lane.
///
/// ```
/// use std::time::Duration;
/// use executor::{BuildError, Executor, PressureConfig};
/// let config = PressureConfig::watermarks(8, 48)
///     .target_wait(Duration::from_millis(5), Duration::from_millis(100));
/// let pool = Executor::builder().capacity(64).pressure(config).build().unwrap();
/// assert_eq!(pool.pressure().pool, executor::Level::Normal);
/// let inverted = Executor::builder().pressure(PressureConfig::watermarks(48, 8)).build();
/// assert!(matches!(inverted, Err(BuildError::Watermarks { low: 48, high: 8, .. })));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PressureConfig {
    /// Falling back to Normal takes a depth at or below this.
    pub low: usize,
    /// Elevated from this depth; Saturated, entered when full, is left
    /// only below it.
    pub high: usize,
    /// The queue-wait target and the interval it must be exceeded for
    /// (none: queue waits are not a signal).
    pub delay: Option<(Duration, Duration)>,
    /// The interval arrival and service rates are averaged over (none:
    /// rates are not a signal, and no retry-after hint is made).
    pub rate_interval: Option<Duration>,
}
// ANCHOR_END: pressure_config

impl PressureConfig {
    /// Depth watermarks only: Elevated from `high`, Normal again at `low`.
    pub fn watermarks(low: usize, high: usize) -> Self {
        Self {
            low,
            high,
            delay: None,
            rate_interval: None,
        }
    }

    /// Adds the queue-wait signal: waits above `target` for a whole
    /// `interval` saturate; the same interval averages arrival and service
    /// rates.
    pub fn target_wait(mut self, target: Duration, interval: Duration) -> Self {
        self.delay = Some((target, interval));
        self.rate_interval = Some(interval);
        self
    }

    /// The default for a lane of `capacity`: a quarter and three quarters.
    pub(crate) fn default_for(capacity: usize) -> Self {
        let low = capacity / 4;
        Self::watermarks(low, ((capacity * 3) / 4).max(low + 1))
    }

    /// Whether the marks make bands: `low < high <= capacity`.
    pub(crate) fn is_valid(&self, capacity: usize) -> bool {
        self.low < self.high && self.high <= capacity
    }
}

// ANCHOR: depth_hysteresis
/// The depth signal's next level, from the current one: each level is
/// entered at one depth and left at a lower one, so a depth moving inside
/// a band never changes it.
pub(crate) fn depth_level(
    current: Level,
    depth: usize,
    low: usize,
    high: usize,
    full: usize,
) -> Level {
    match current {
        _ if depth >= full => Level::Saturated,
        Level::Normal if depth >= high => Level::Elevated,
        Level::Saturated if depth >= high => Level::Saturated,
        Level::Normal => Level::Normal,
        _ if depth <= low => Level::Normal,
        _ => Level::Elevated,
    }
}
// ANCHOR_END: depth_hysteresis
