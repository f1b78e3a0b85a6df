//! Latency histograms: how long tasks wait in the queue and how long they
//! run, per pool and per lane, over a sliding window, with percentiles in
//! a snapshot. The tail (p99, max) is what a user of the pool feels; an
//! average hides it.

use core::time::Duration;
use hdrhistogram::Histogram;

/// The slots a window is cut into: the oldest quarter is dropped as time
/// moves on, so a snapshot covers between 3/4 of a window and a window.
const SLOTS: usize = 4;

/// The longest measure recorded as itself.
const LONGEST: Duration = Duration::from_secs(3600);

// ANCHOR: percentiles
/// Percentiles of one measure over the window.
///
/// ```
/// let p = executor::Percentiles::default();
/// assert_eq!((p.count, p.max), (0, std::time::Duration::ZERO));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Percentiles {
    /// Tasks measured.
    pub count: u64,
    /// Half took at most this long.
    pub p50: Duration,
    /// 90% took at most this long.
    pub p90: Duration,
    /// 99% took at most this long.
    pub p99: Duration,
    /// The longest.
    pub max: Duration,
}
// ANCHOR_END: percentiles

/// Queue wait and run time of one scope.
///
/// ```
/// use std::time::Duration;
/// use executor::Executor;
/// let pool = Executor::builder().workers(1).latency_window(Duration::from_secs(60)).build().unwrap();
/// pool.submit(|| ()).unwrap().join().unwrap();
/// pool.wait_idle().unwrap();
/// let latency = pool.latency().unwrap();
/// assert_eq!(latency.pool.run_time.count, 1);
/// assert_eq!(latency.lanes[0].queue_wait.count, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LatencySnapshot {
    /// From accepted to started.
    pub queue_wait: Percentiles,
    /// From started to finished.
    pub run_time: Percentiles,
}

/// The pool's latencies and each lane's, over the window.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Latency {
    /// Every task of the pool.
    pub pool: LatencySnapshot,
    /// The tasks of each lane, by index.
    pub lanes: Vec<LatencySnapshot>,
}

// ANCHOR: window
/// A histogram over a sliding window: `SLOTS` histograms, the current one
/// recording, the oldest cleared and reused as time moves on.
pub(crate) struct Window {
    slots: Vec<Histogram<u64>>,
    current: usize,
    current_started: Duration,
    slot_len: Duration,
}

impl Window {
    pub(crate) fn new(window: Duration) -> Self {
        Self {
            slots: (0..SLOTS).map(|_| histogram()).collect(),
            current: 0,
            current_started: Duration::ZERO,
            slot_len: window / SLOTS as u32,
        }
    }

    /// Records one measure, taken at `now`.
    pub(crate) fn record(&mut self, value: Duration, now: Duration) {
        let mut turns = 0;
        while now >= self.current_started.saturating_add(self.slot_len) && turns < SLOTS {
            self.current = (self.current + 1) % SLOTS;
            self.slots[self.current].reset();
            self.current_started = self.current_started.saturating_add(self.slot_len);
            turns += 1;
        }
        if turns == SLOTS {
            // Idle for a whole window: every slot is empty, start afresh.
            self.current_started = now;
        }
        // Clamped to an hour: beyond that the exact figure tells nothing
        // more, and the histogram stays a few kilobytes.
        let nanos = value.min(LONGEST).as_nanos() as u64;
        // An auto-resizing histogram accepts every value.
        let _ = self.slots[self.current].record(nanos);
    }

    /// The percentiles over every slot.
    pub(crate) fn percentiles(&self) -> Percentiles {
        let mut all = histogram();
        self.add_to(&mut all);
        percentiles_of(&all)
    }

    /// Adds every slot to `all`.
    fn add_to(&self, all: &mut Histogram<u64>) {
        for slot in &self.slots {
            // Same settings, auto-resizing: adding cannot fail.
            let _ = all.add(slot);
        }
    }
}

/// The percentiles of what `all` recorded.
fn percentiles_of(all: &Histogram<u64>) -> Percentiles {
    let at = |q: f64| Duration::from_nanos(all.value_at_quantile(q));
    Percentiles {
        count: all.len(),
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: Duration::from_nanos(all.max()),
    }
}
// ANCHOR_END: window

/// Two significant figures: 1% resolution, a few kilobytes per histogram.
fn histogram() -> Histogram<u64> {
    Histogram::new(2).expect("2 significant figures is a valid setting")
}

/// A scope's two windows.
pub(crate) struct Book {
    queue_wait: Window,
    run_time: Window,
}

impl Book {
    pub(crate) fn new(window: Duration) -> Self {
        Self {
            queue_wait: Window::new(window),
            run_time: Window::new(window),
        }
    }

    pub(crate) fn waited(&mut self, wait: Duration, now: Duration) {
        self.queue_wait.record(wait, now);
    }

    pub(crate) fn ran(&mut self, run: Duration, now: Duration) {
        self.run_time.record(run, now);
    }

    pub(crate) fn snapshot(&self) -> LatencySnapshot {
        LatencySnapshot {
            queue_wait: self.queue_wait.percentiles(),
            run_time: self.run_time.percentiles(),
        }
    }

    /// One snapshot of several books together (a fast pool's workers each
    /// keep their own).
    pub(crate) fn merged<'a>(books: impl IntoIterator<Item = &'a Book>) -> LatencySnapshot {
        let (mut waits, mut runs) = (histogram(), histogram());
        for book in books {
            book.queue_wait.add_to(&mut waits);
            book.run_time.add_to(&mut runs);
        }
        LatencySnapshot {
            queue_wait: percentiles_of(&waits),
            run_time: percentiles_of(&runs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_see_the_tail() {
        let mut w = Window::new(Duration::from_secs(60));
        for _ in 0..98 {
            w.record(Duration::from_micros(100), Duration::ZERO);
        }
        w.record(Duration::from_millis(50), Duration::ZERO);
        w.record(Duration::from_millis(80), Duration::ZERO);
        let p = w.percentiles();
        assert_eq!(p.count, 100);
        assert!(p.p50 < Duration::from_micros(102), "{p:?}");
        assert!(p.p99 >= Duration::from_millis(49), "{p:?}");
        assert!(p.max >= Duration::from_millis(79), "{p:?}");
    }

    #[test]
    fn old_measures_leave_the_window() {
        let mut w = Window::new(Duration::from_secs(4));
        w.record(Duration::from_secs(9), Duration::ZERO);
        w.record(Duration::from_millis(1), Duration::from_secs(3));
        assert_eq!(w.percentiles().count, 2, "both inside the window");
        w.record(Duration::from_millis(1), Duration::from_secs(4));
        let p = w.percentiles();
        assert_eq!(p.count, 2, "the first slot was dropped");
        assert!(p.max < Duration::from_millis(2), "{p:?}");
        w.record(Duration::from_millis(1), Duration::from_secs(100));
        assert_eq!(w.percentiles().count, 1, "idle for a whole window");
    }
}
