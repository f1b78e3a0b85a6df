//! Wrong: the p99 wait is computed over every wait ever recorded, not over
//! the last complete window's. The rates are per window, but one slow
//! window keeps the p99 high long after the queue recovered (and after
//! enough fast waits it hides a new slow window): the delay signal no
//! longer says anything about now.

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
}

impl Counts {
    fn stats(&self, all_waits: &[u64]) -> WindowStats {
        let mut waits = all_waits.to_vec();
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
    /// Every queue wait ever recorded (the bug: never aged out).
    waits: Vec<u64>,
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
                waits: Vec::new(),
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
        s.counts_at(now).completions += 1;
        s.waits.push(waited);
    }

    /// The last window complete at `now` (a `now` behind the reports gets
    /// the latest complete window).
    pub fn last_window(&self, now: u64) -> WindowStats {
        let mut s = self.state.lock();
        s.roll_to(now);
        s.last.stats(&s.waits)
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
