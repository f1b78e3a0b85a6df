//! # Interview drill: backpressure past depth (20 minutes)
//!
//! Queue depth says how full the queue is, not where it is heading. Upstream
//! wants the trend: are requests arriving faster than the workers finish
//! them, and how long do they wait in the queue? Submitters and workers
//! report to a monitor concurrently; upstream reads rates, a p99 and an
//! overload signal from it. Time is logical and passed in as `now` (ticks),
//! never read from a clock, so the logic is testable.
//!
//! ## Your task
//! Implement `RateMonitor<B>` over windows of `window` ticks from time 0
//! (window `k` is `[k * window, (k + 1) * window)`):
//! - `arrived(now)` counts an accepted request; `completed(now, waited)` a
//!   finished one that waited `waited` ticks in the queue. A report counts
//!   in the window its `now` falls in: when several threads report across
//!   a boundary at once, the window rolls over exactly once and no report
//!   is lost or counted in the wrong window. A report whose window already
//!   completed (its thread read the clock just before another crossed the
//!   boundary) counts in the last complete window: late, never lost;
//! - `last_window(now)` returns the arrivals, the completions and the
//!   nearest-rank p99 of the waits (`sorted[ceil(n * 0.99) - 1]`, 0 with
//!   no waits) of the last window *complete* at `now`, never the partial
//!   current one, so a burst does not flap the numbers; all three from the
//!   same window. A window nobody reported in counts zeros. A `now` behind
//!   the reports gets the latest complete window;
//! - `overloaded(now)`: in that window arrivals exceeded completions, or
//!   its p99 wait exceeded `target_p99`;
//! - `retry_after(now)`: ticks until the backlog (arrived minus completed)
//!   drains at that window's completion rate, `ceil(backlog * window /
//!   completions)`; `window` if nothing completed in it; 0 with no backlog.
//!
//! Done means: no report lost at a boundary, no flapping on a burst, slow
//! waits age out with their window, and no reading mixes two windows.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import NamedTuple
//!
//! class WindowStats(NamedTuple):
//!     arrivals: int
//!     completions: int
//!     p99_wait: int
//!
//! class RateMonitor:
//!     def __init__(self, window: int, target_p99: int) -> None: ...
//!     def arrived(self, now: int) -> None: ...
//!     def completed(self, now: int, waited: int) -> None: ...
//!     def last_window(self, now: int) -> WindowStats: ...
//!     def overloaded(self, now: int) -> bool: ...
//!     def retry_after(self, now: int) -> int: ...
//! ```
//!
//! Grade with `cargo drill check interview_rates`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// One complete window's numbers, all from the same window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WindowStats {
    /// Requests accepted in the window: the arrival rate, per window.
    pub arrivals: u64,
    /// Requests finished in the window: the completion rate, per window.
    pub completions: u64,
    /// The nearest-rank 99th percentile of the queue waits of the
    /// requests finished in the window (0 if none finished).
    pub p99_wait: u64,
}

/// What submitters and workers report, read by upstream as rates, p99,
/// an overload signal and a retry hint.
pub struct RateMonitor<B: Backend> {
    state: Mutex<B, State>,
}

struct State {
    // Your fields: the window being counted, the last complete one, ...
}

impl<B: Backend> RateMonitor<B> {
    /// Windows of `window` ticks from time 0; `overloaded` also when the
    /// last complete window's p99 wait exceeds `target_p99`.
    pub fn new(window: u64, target_p99: u64) -> Self {
        todo!()
    }

    /// A request was accepted at `now`.
    pub fn arrived(&self, now: u64) {
        todo!()
    }

    /// A worker finished, at `now`, a request that waited `waited` in the queue.
    pub fn completed(&self, now: u64, waited: u64) {
        todo!()
    }

    /// The last window complete at `now`.
    pub fn last_window(&self, now: u64) -> WindowStats {
        todo!()
    }

    /// Whether upstream should slow down.
    pub fn overloaded(&self, now: u64) -> bool {
        todo!()
    }

    /// Ticks a refused caller should wait before retrying.
    pub fn retry_after(&self, now: u64) -> u64 {
        todo!()
    }
}
// ANCHOR_END: skeleton
