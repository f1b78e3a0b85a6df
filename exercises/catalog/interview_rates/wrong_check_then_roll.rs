//! Wrong: the window is rolled by check-then-act. A report checks under
//! the lock whether its time is past the current window, releases the
//! lock, then takes it again to roll. Two threads crossing the boundary at
//! once both see "due" and both roll: the second roll retires the window
//! the first one just opened, so the complete window's counts are lost and
//! a report from the new window is counted in the retired one.

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
    /// Retires the current window: it becomes the last complete one.
    fn roll(&mut self, index: u64) {
        let finished = std::mem::take(&mut self.current);
        // Two or more boundaries crossed: the window before `index` saw nothing.
        self.last = if index > self.index + 1 {
            Counts::default()
        } else {
            finished
        };
        self.index = index;
    }

    /// The window a report made at `now` counts in: its own, or, when it
    /// comes late, the last complete one.
    fn counts_at(&mut self, now: u64) -> &mut Counts {
        if now / self.window == self.index {
            &mut self.current
        } else {
            &mut self.last
        }
    }

    /// The last complete window (rolled by the caller).
    fn last_complete(&mut self) -> &Counts {
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
    /// Rolls the windows forward if `now` is past the current one. The
    /// check and the roll take the lock separately (the bug).
    fn roll_to(&self, now: u64) {
        let (due, index) = {
            let s = self.state.lock();
            (now / s.window > s.index, now / s.window)
        };
        if due {
            self.state.lock().roll(index);
        }
    }

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
        self.roll_to(now);
        let mut s = self.state.lock();
        s.backlog += 1;
        s.counts_at(now).arrivals += 1;
    }

    /// A worker finished, at `now`, a request that waited `waited` in the queue.
    pub fn completed(&self, now: u64, waited: u64) {
        self.roll_to(now);
        let mut s = self.state.lock();
        s.backlog = s.backlog.saturating_sub(1);
        let counts = s.counts_at(now);
        counts.completions += 1;
        counts.waits.push(waited);
    }

    /// The last window complete at `now` (a `now` behind the reports gets
    /// the latest complete window).
    pub fn last_window(&self, now: u64) -> WindowStats {
        self.roll_to(now);
        self.state.lock().last_complete().stats()
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
        self.roll_to(now);
        let mut s = self.state.lock();
        let done = s.last_complete().completions;
        match (s.backlog, done) {
            (0, _) => 0,
            (_, 0) => self.window,
            (backlog, done) => (backlog * self.window).div_ceil(done),
        }
    }
}
