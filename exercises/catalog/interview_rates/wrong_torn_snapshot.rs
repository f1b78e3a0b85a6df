//! Wrong: the last complete window's numbers are published as three
//! separate atomics so that readers never take the lock. Each word is
//! right on its own, but a reader loads them one at a time: when a report
//! rolls the window between two loads, the reading mixes the old window's
//! arrivals with the new window's completions and p99, a window that never
//! existed (and so does the retry hint built from it).

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
    /// The last complete window's numbers, republished by every report so
    /// that readers never wait for the lock (the bug: three separate words).
    arrivals: AtomicU64<B>,
    completions: AtomicU64<B>,
    p99_wait: AtomicU64<B>,
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
            arrivals: AtomicU64::new(0),
            completions: AtomicU64::new(0),
            p99_wait: AtomicU64::new(0),
        }
    }

    /// Stores the last complete window's numbers for lock-free readers;
    /// called with the lock held, after every change.
    fn publish(&self, s: &State) {
        let w = s.last.stats();
        // Release: pairs with the Acquire loads in `last_window`; each word
        // on its own is published correctly, the three together are not.
        self.arrivals.store(w.arrivals, Ordering::Release);
        self.completions.store(w.completions, Ordering::Release);
        self.p99_wait.store(w.p99_wait, Ordering::Release);
    }

    /// A request was accepted at `now`.
    pub fn arrived(&self, now: u64) {
        let mut s = self.state.lock();
        s.backlog += 1;
        s.counts_at(now).arrivals += 1;
        self.publish(&s);
    }

    /// A worker finished, at `now`, a request that waited `waited` in the queue.
    pub fn completed(&self, now: u64, waited: u64) {
        let mut s = self.state.lock();
        s.backlog = s.backlog.saturating_sub(1);
        let counts = s.counts_at(now);
        counts.completions += 1;
        counts.waits.push(waited);
        self.publish(&s);
    }

    /// The last window complete at `now` (a `now` behind the reports gets
    /// the latest complete window).
    pub fn last_window(&self, now: u64) -> WindowStats {
        {
            let mut s = self.state.lock();
            s.last_complete(now);
            self.publish(&s);
        }
        // Acquire: pairs with the Release stores in `publish`; the loads
        // are three steps, and a roll may come between any two.
        WindowStats {
            arrivals: self.arrivals.load(Ordering::Acquire),
            completions: self.completions.load(Ordering::Acquire),
            p99_wait: self.p99_wait.load(Ordering::Acquire),
        }
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
        let done = self.last_window(now).completions;
        let s = self.state.lock();
        match (s.backlog, done) {
            (0, _) => 0,
            (_, 0) => self.window,
            (backlog, done) => (backlog * self.window).div_ceil(done),
        }
    }
}
