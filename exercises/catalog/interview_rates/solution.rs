//! # Interview drill: backpressure past depth, reference solution
//!
//! Everything sits behind one lock: the window being counted, the last
//! complete one, and the backlog. Each report is one critical section that
//! first rolls the windows forward to its `now` and then counts itself, so
//! the roll happens exactly once per boundary (whoever crosses it first
//! rolls; the others find it rolled) and no report can land in a window
//! that was retired between its check and its count. Only two windows are
//! kept: the current one, still filling, and the last complete one, which
//! every reading (rates, p99, `overloaded`, `retry_after`) is taken from,
//! so a burst inside the current window moves nothing until that window
//! completes. A report whose `now` falls in the last complete window (its
//! thread read the clock just before another thread crossed the boundary)
//! still counts there, where its time says; one older still is counted in
//! the last complete window too: late, never lost. Each window keeps its
//! waits, and p99 is the exact nearest rank over them, so last window's
//! slow waits age out with it. A reading copies one window's numbers under
//! the lock, so rates and p99 always describe the same window.
//!
//! ## In Python 3.8
//! ```python
//! import math
//! import threading
//! from typing import List, NamedTuple
//!
//! class WindowStats(NamedTuple):
//!     arrivals: int
//!     completions: int
//!     p99_wait: int
//!
//! class Counts:
//!     def __init__(self) -> None:
//!         self.arrivals = 0
//!         self.completions = 0
//!         self.waits: List[int] = []
//!
//!     def stats(self) -> WindowStats:
//!         waits = sorted(self.waits)
//!         p99 = waits[math.ceil(len(waits) * 0.99) - 1] if waits else 0
//!         return WindowStats(self.arrivals, self.completions, p99)
//!
//! class RateMonitor:
//!     def __init__(self, window: int, target_p99: int) -> None:
//!         self._lock = threading.Lock()
//!         self._window, self._target = window, target_p99
//!         self._index = 0                  # the window being counted
//!         self._current, self._last = Counts(), Counts()
//!         self._backlog = 0
//!
//!     def _roll_to(self, now):             # call with the lock held
//!         index = now // self._window
//!         if index > self._index:
//!             self._last = self._current if index == self._index + 1 else Counts()
//!             self._current, self._index = Counts(), index
//!
//!     def _counts_at(self, now):           # call with the lock held
//!         self._roll_to(now)
//!         return self._current if now // self._window == self._index else self._last
//!
//!     def arrived(self, now):
//!         with self._lock:
//!             self._backlog += 1
//!             self._counts_at(now).arrivals += 1
//!
//!     def completed(self, now, waited):
//!         with self._lock:
//!             self._backlog = max(0, self._backlog - 1)
//!             counts = self._counts_at(now)
//!             counts.completions += 1
//!             counts.waits.append(waited)
//!
//!     def last_window(self, now):
//!         with self._lock:
//!             self._roll_to(now)
//!             return self._last.stats()
//!
//!     def overloaded(self, now):
//!         w = self.last_window(now)
//!         return w.arrivals > w.completions or w.p99_wait > self._target
//!
//!     def retry_after(self, now):
//!         with self._lock:
//!             self._roll_to(now)
//!             done = self._last.completions
//!             if self._backlog == 0:
//!                 return 0
//!             if done == 0:
//!                 return self._window
//!             return -(-self._backlog * self._window // done)   # ceiling
//! ```

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

/// What one window counted.
#[derive(Default)]
struct Counts {
    arrivals: u64,
    completions: u64,
    waits: Vec<u64>,
}

impl Counts {
    fn stats(&self) -> WindowStats {
        let mut waits = self.waits.clone();
        waits.sort_unstable();
        // Nearest rank: the smallest wait that 99% of the waits do not exceed.
        let p99_wait = match waits.len() {
            0 => 0,
            n => waits[(n * 99).div_ceil(100) - 1],
        };
        WindowStats {
            arrivals: self.arrivals,
            completions: self.completions,
            p99_wait,
        }
    }
}

struct State {
    window: u64,
    /// The window being counted: `now / window`.
    index: u64,
    current: Counts,
    /// The window before `index`, the last complete one.
    last: Counts,
    /// Accepted and not yet completed.
    backlog: u64,
}

impl State {
    /// Moves the windows forward to the one `now` falls in, once: a `now`
    /// in the window being counted, or an earlier one, changes nothing.
    fn roll_to(&mut self, now: u64) {
        let index = now / self.window;
        if index <= self.index {
            return;
        }
        let finished = std::mem::take(&mut self.current);
        // Two or more boundaries crossed: the window before `index` saw nothing.
        self.last = if index == self.index + 1 {
            finished
        } else {
            Counts::default()
        };
        self.index = index;
    }

    /// The window a report made at `now` counts in: its own, or, when it
    /// comes late, the last complete one.
    fn counts_at(&mut self, now: u64) -> &mut Counts {
        self.roll_to(now);
        if now / self.window == self.index {
            &mut self.current
        } else {
            &mut self.last
        }
    }

    /// The last window complete at `now`.
    fn last_complete(&mut self, now: u64) -> &Counts {
        self.roll_to(now);
        &self.last
    }
}

/// What submitters and workers report, read by upstream as rates, p99,
/// an overload signal and a retry hint.
pub struct RateMonitor<B: Backend> {
    window: u64,
    /// Fixed at `new`: read without the lock.
    target_p99: u64,
    state: Mutex<B, State>,
}

impl<B: Backend> RateMonitor<B> {
    /// Windows of `window` ticks from time 0; `overloaded` also when the
    /// last complete window's p99 wait exceeds `target_p99`.
    pub fn new(window: u64, target_p99: u64) -> Self {
        assert!(window > 0, "a window must last at least one tick");
        Self {
            window,
            target_p99,
            state: Mutex::new(State {
                window,
                index: 0,
                current: Counts::default(),
                last: Counts::default(),
                backlog: 0,
            }),
        }
    }

    /// A request was accepted at `now`.
    pub fn arrived(&self, now: u64) {
        let mut s = self.state.lock();
        s.backlog += 1;
        s.counts_at(now).arrivals += 1;
    }

    /// A worker finished, at `now`, a request that waited `waited` in the queue.
    pub fn completed(&self, now: u64, waited: u64) {
        let mut s = self.state.lock();
        s.backlog = s.backlog.saturating_sub(1);
        let counts = s.counts_at(now);
        counts.completions += 1;
        counts.waits.push(waited);
    }

    /// The last window complete at `now` (a `now` behind the reports gets
    /// the latest complete window).
    pub fn last_window(&self, now: u64) -> WindowStats {
        self.state.lock().last_complete(now).stats()
    }

    /// Whether upstream should slow down: in the last complete window,
    /// arrivals outpaced completions or the p99 wait missed the target.
    pub fn overloaded(&self, now: u64) -> bool {
        let w = self.last_window(now);
        w.arrivals > w.completions || w.p99_wait > self.target_p99
    }

    /// Ticks until the backlog drains at the last complete window's
    /// completion rate (rounded up); one window if nothing completed in
    /// it, 0 with no backlog.
    pub fn retry_after(&self, now: u64) -> u64 {
        let mut s = self.state.lock();
        let done = s.last_complete(now).completions;
        match (s.backlog, done) {
            (0, _) => 0,
            (_, 0) => self.window,
            (backlog, done) => (backlog * self.window).div_ceil(done),
        }
    }
}
