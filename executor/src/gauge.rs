//! One scope's pressure gauge (a lane, or the pool): the three signals of
//! [`crate::pressure`] and the level they make, updated under the pool's
//! lock whenever the scope's depth, waits or rates change.

use crate::pressure::{Cause, Level, depth_level};
use core::time::Duration;

// ANCHOR: codel
/// The queue-wait signal, in the manner of CoDel: a standing queue is one
/// whose waits stay above the target for a whole interval.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Delay {
    /// When waits, above the target since the first such sample, will have
    /// been above it for a whole interval.
    above_until: Option<Duration>,
    /// Waits have stayed above the target for an interval.
    pub(crate) standing: bool,
}

impl Delay {
    /// A task left the queue after waiting `wait`.
    pub(crate) fn sample(
        &mut self,
        wait: Duration,
        now: Duration,
        target: Duration,
        interval: Duration,
    ) {
        if wait < target {
            // One wait under the target: the queue drains fast enough.
            *self = Self::default();
            return;
        }
        match self.above_until {
            None => self.above_until = Some(now.saturating_add(interval)),
            Some(until) if now >= until => self.standing = true,
            Some(_) => {}
        }
    }
}
// ANCHOR_END: codel

// ANCHOR: rates
/// Arrival and service rates, counted over intervals and smoothed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Rates {
    /// When the interval being counted began.
    started: Option<Duration>,
    arrivals: u64,
    services: u64,
    /// Tasks per second, smoothed over intervals (0 until one has ended).
    pub(crate) arrival: f64,
    pub(crate) service: f64,
    /// Arrivals outpaced service by a quarter, and service has not caught
    /// up since (the hysteresis of the rate signal).
    pub(crate) outpaced: bool,
}

impl Rates {
    /// Counts an arrival (`true`) or a service, closing the interval first
    /// if it has ended.
    pub(crate) fn count(&mut self, arrival: bool, now: Duration, interval: Duration) {
        self.roll(now, interval);
        if arrival {
            self.arrivals += 1;
        } else {
            self.services += 1;
        }
    }

    /// Rates whose first interval starts at `now`.
    pub(crate) fn starting(now: Duration) -> Self {
        Self {
            started: Some(now),
            ..Self::default()
        }
    }

    /// Counts `arrivals` and `services` that happened since the last call,
    /// then closes the interval if it has ended: for a pool that counts
    /// nothing per task and reads its counters when someone looks.
    pub(crate) fn count_since(
        &mut self,
        arrivals: u64,
        services: u64,
        now: Duration,
        interval: Duration,
    ) {
        self.arrivals += arrivals;
        self.services += services;
        self.roll(now, interval);
    }

    fn roll(&mut self, now: Duration, interval: Duration) {
        let started = *self.started.get_or_insert(now);
        let elapsed = now.saturating_sub(started);
        if elapsed < interval || elapsed.is_zero() {
            return;
        }
        let secs = elapsed.as_secs_f64();
        let (arrival, service) = (self.arrivals as f64 / secs, self.services as f64 / secs);
        // An even blend of the last interval and the ones before it.
        self.arrival = (self.arrival + arrival) / 2.0;
        self.service = (self.service + service) / 2.0;
        if self.arrival > self.service * 1.25 {
            self.outpaced = true;
        } else if self.arrival <= self.service {
            self.outpaced = false;
        }
        self.arrivals = 0;
        self.services = 0;
        self.started = Some(now);
    }
}
// ANCHOR_END: rates

/// Depth marks for one scope: Normal at or below `low`, Elevated from
/// `high`, Saturated at `full`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    pub(crate) low: usize,
    pub(crate) high: usize,
    pub(crate) full: usize,
}

// ANCHOR: gauge
/// A scope's signals and the level they make.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Gauge {
    depth_level: Level,
    /// The rate signal holds the level at Elevated: raised above the low
    /// mark, dropped only when service catches up or the queue empties
    /// (its own band, so a depth wobbling near empty cannot flap it).
    rate_elevated: bool,
    pub(crate) delay: Delay,
    pub(crate) rates: Rates,
    pub(crate) level: Level,
    pub(crate) depth: usize,
}

impl Gauge {
    /// Recomputes the level at `depth`; returns the change, if any, with
    /// the signal behind the new level. At depth 0 the level is Normal:
    /// an empty queue has no standing wait, and a rate means nothing to it.
    pub(crate) fn update(&mut self, depth: usize, marks: Marks) -> Option<(Level, Level, Cause)> {
        self.depth = depth;
        self.depth_level = depth_level(self.depth_level, depth, marks.low, marks.high, marks.full);
        if depth == 0 {
            self.delay = Delay::default();
        }
        let (mut level, mut cause) = (self.depth_level, Cause::Depth);
        if self.delay.standing && level < Level::Saturated {
            (level, cause) = (Level::Saturated, Cause::Delay);
        }
        if self.rates.outpaced && depth > marks.low {
            self.rate_elevated = true;
        } else if !self.rates.outpaced || depth == 0 {
            self.rate_elevated = false;
        }
        if self.rate_elevated && level < Level::Elevated {
            (level, cause) = (Level::Elevated, Cause::Rate);
        }
        let from = core::mem::replace(&mut self.level, level);
        (from != level).then_some((from, level, cause))
    }

    /// How long an upstream caller should wait before trying again: the
    /// time to serve what is queued at the measured service rate (the
    /// `Retry-After` of a 503). None until a rate has been measured.
    pub(crate) fn retry_after(&self) -> Option<Duration> {
        (self.rates.service > 0.0)
            .then(|| Duration::from_secs_f64(self.depth as f64 / self.rates.service))
    }
}
// ANCHOR_END: gauge

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: Marks = Marks {
        low: 2,
        high: 6,
        full: 8,
    };

    #[test]
    fn a_depth_inside_a_band_never_changes_the_level() {
        let mut g = Gauge::default();
        let changes: Vec<_> = [1, 5, 6, 5, 3, 4, 5, 3, 2, 1]
            .into_iter()
            .filter_map(|d| g.update(d, MARKS).map(|(_, to, _)| to))
            .collect();
        assert_eq!(changes, [Level::Elevated, Level::Normal]);
    }

    /// The gauge's level after each depth in turn.
    fn levels_at(g: &mut Gauge, depths: &[usize]) -> Vec<Level> {
        depths
            .iter()
            .map(|&d| {
                g.update(d, MARKS);
                g.level
            })
            .collect()
    }

    #[test]
    fn saturated_is_left_only_below_the_high_mark() {
        let levels = levels_at(&mut Gauge::default(), &[8, 7, 6, 5, 7, 2]);
        use Level::*;
        assert_eq!(
            levels,
            [Saturated, Saturated, Saturated, Elevated, Elevated, Normal]
        );
    }

    #[test]
    fn a_single_slow_wait_is_not_a_standing_queue() {
        let (target, interval) = (Duration::from_millis(5), Duration::from_millis(100));
        let ms = Duration::from_millis;
        let mut d = Delay::default();
        d.sample(ms(50), ms(0), target, interval);
        d.sample(ms(1), ms(10), target, interval); // one fast wait clears it
        d.sample(ms(50), ms(20), target, interval);
        d.sample(ms(50), ms(110), target, interval);
        assert!(
            !d.standing,
            "above the target for 90 ms of a 100 ms interval"
        );
        d.sample(ms(50), ms(120), target, interval);
        assert!(d.standing, "above the target for a whole interval");
    }

    #[test]
    fn the_rate_signal_has_its_own_band_near_empty() {
        let mut g = Gauge::default();
        g.rates.outpaced = true;
        let levels = levels_at(&mut g, &[1, 0, 1, 2, 3, 1, 2, 0]);
        use Level::*;
        // Raised above the low mark (2), held down to empty: 1 and 0 do
        // not flap it.
        assert_eq!(
            levels,
            [
                Normal, Normal, Normal, Normal, Elevated, Elevated, Elevated, Normal
            ]
        );
    }

    #[test]
    fn rates_flag_outpacing_with_hysteresis() {
        let s = Duration::from_secs;
        let mut r = Rates::default();
        for _ in 0..30 {
            r.count(true, s(0), s(1));
        }
        for _ in 0..10 {
            r.count(false, s(0), s(1));
        }
        r.count(true, s(1), s(1)); // closes the first interval
        assert!(r.outpaced && r.arrival > r.service);
        for _ in 0..40 {
            r.count(false, s(1), s(1));
        }
        r.count(true, s(2), s(1));
        assert!(!r.outpaced, "service caught up: {r:?}");
    }

    #[test]
    fn counts_read_at_a_look_make_the_same_rates() {
        let s = Duration::from_secs;
        let mut r = Rates::starting(s(0));
        r.count_since(30, 10, s(0), s(1)); // the interval has not ended
        assert_eq!((r.arrival, r.service), (0.0, 0.0));
        r.count_since(0, 0, s(1), s(1));
        assert_eq!((r.arrival, r.service), (15.0, 5.0), "blended with 0");
        assert!(r.outpaced);
    }
}
