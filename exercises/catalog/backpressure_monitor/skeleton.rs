//! # A backpressure monitor with hysteresis
//!
//! Upstream services need a clear signal "slow down" and "go ahead": it is
//! the pool's queue depth, checked against thresholds. A single threshold
//! flaps: with the depth hovering around 80, the signal flips on and off at
//! every job, and upstream oscillates with it. Hysteresis uses two
//! watermarks: the signal turns on when the depth reaches `high` and turns
//! off only when it has fallen to `low`; in between it keeps its state.
//! The counters are fed by every submitter and worker at once, so no update
//! may be lost, and the flag must change in the same step as the depth
//! that triggers it, or a late "on" can overwrite a newer "off".
//!
//! ## Your task
//! Implement `Monitor` so that, with any number of threads calling it:
//! - `record_submit()` and `record_done()` move the depth up and down by
//!   one (a done always follows its own submit); no update is lost;
//! - the overload flag turns on when the depth reaches `high`, off when it
//!   falls to `low` (inclusive), and otherwise keeps its value; it is never
//!   left on once the depth is at or below `low`, nor off at or above
//!   `high`;
//! - `snapshot()` returns a consistent view: `depth == submitted - done`,
//!   and `flips` counts how many times the flag changed.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Monitor:
//!     def __init__(self, high: int, low: int): ...
//!     def record_submit(self) -> None: ...
//!     def record_done(self) -> None: ...
//!     def overloaded(self) -> bool: ...
//!     def snapshot(self) -> Dict[str, int]: ...
//! ```
//!
//! Grade with `cargo drill check backpressure_monitor`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// A consistent view of the monitor, for upstream to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Submissions recorded.
    pub submitted: u64,
    /// Completions recorded.
    pub done: u64,
    /// Jobs in the system now: `submitted - done`.
    pub depth: u64,
    /// Whether upstream should back off.
    pub overloaded: bool,
    /// How many times `overloaded` changed.
    pub flips: u64,
}

/// Watches the depth of a queue and raises an overload signal.
pub struct Monitor<B: Backend> {
    high: u64,
    low: u64,
    /// A suggestion: everything under one lock.
    state: Mutex<B, Snapshot>,
}

impl<B: Backend> Monitor<B> {
    /// A monitor that turns on at depth `high` and off at depth `low`.
    pub fn new(high: u64, low: u64) -> Self {
        todo!()
    }

    /// One job entered the system.
    pub fn record_submit(&self) {
        todo!()
    }

    /// One job left the system.
    pub fn record_done(&self) {
        todo!()
    }

    /// Whether upstream should back off now.
    pub fn overloaded(&self) -> bool {
        todo!()
    }

    /// A consistent view of every counter.
    pub fn snapshot(&self) -> Snapshot {
        todo!()
    }
}
// ANCHOR_END: skeleton
