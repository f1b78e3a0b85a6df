//! The time signals of a fast pool's pressure, for a [`PressureConfig`]
//! that asks for them: queue waits against a target in the manner of
//! CoDel, and arrivals against service. They cost the task path little:
//! - **rates** count nothing per task: a look reads the rings' accepted
//!   counts and the workers' finished counts, and turns what changed since
//!   the last look into rates, as [`Pool`](crate::Pool) does per task;
//! - **queue waits** are sampled by each worker as it starts a stamped
//!   task, into a CoDel state of its own behind a lock only it and the
//!   looks take; a look combines them.
//!
//! A look then moves each scope's [`Gauge`], the locked pool's, under a
//! lock that only looks take. Only depth works under the model checkers:
//! their clock stands still, so no interval ever ends.

use super::Core;
use super::observe::mark_hot;
use crate::gauge::{Delay, Gauge, Marks, Rates};
use crate::observe::{LanePressure, PressureSnapshot};
use crate::pressure::{PressureConfig, PressureEvent, Scope};
use crate::sync::{Backend, Mutex};
use core::time::Duration;
use std::collections::VecDeque;

/// One worker's queue-wait signal: a CoDel state fed by the waits of the
/// tasks it starts.
pub(crate) struct Codel<B: Backend> {
    state: Mutex<B, Sampled>,
    target: Duration,
    interval: Duration,
}

#[derive(Default)]
struct Sampled {
    delay: Delay,
    /// When the worker last started a task.
    last: Option<Duration>,
}

impl<B: Backend> Codel<B> {
    /// A worker's state for the config's target and interval.
    pub(crate) fn new((target, interval): (Duration, Duration)) -> Self {
        Self {
            state: Mutex::new(Sampled::default()),
            target,
            interval,
        }
    }

    /// The worker started, at `now`, a task that waited `wait`.
    pub(crate) fn sample(&self, wait: Duration, now: Duration) {
        let mut s = self.state.lock();
        s.delay.sample(wait, now, self.target, self.interval);
        s.last = Some(now);
    }

    /// Whether the waits stand above the target, and whether the worker
    /// started a task within the last interval before `now` (a worker
    /// that has not has nothing to say about the queue now).
    fn read(&self, now: Duration) -> (bool, bool) {
        let s = self.state.lock();
        let recent = s
            .last
            .is_some_and(|t| now.saturating_sub(t) <= self.interval);
        (s.delay.standing, recent)
    }

    /// An empty queue has no standing wait: start again.
    fn forget(&self) {
        *self.state.lock() = Sampled::default();
    }
}

/// The gauges the looks move, and what they read last.
pub(crate) struct Looks<B: Backend> {
    config: PressureConfig,
    /// Slots per lane.
    capacity: usize,
    gauges: Mutex<B, Gauges>,
}

struct Gauges {
    pool: Gauge,
    lanes: Vec<Gauge>,
    /// Which lanes the last look found hot.
    hot: Vec<bool>,
    /// If the pool has a subscriber: the transitions found and not yet
    /// delivered, oldest first.
    events: Option<VecDeque<PressureEvent>>,
    /// The counts the last look read, for the pool and per lane: accepted,
    /// finished.
    pool_seen: (u64, u64),
    seen: Vec<(u64, u64)>,
}

impl<B: Backend> Looks<B> {
    /// Gauges for `lanes` lanes of `capacity`, if `config` has a time
    /// signal or the pool a subscriber; rates count from `now`.
    pub(crate) fn new(
        config: PressureConfig,
        capacity: usize,
        lanes: usize,
        now: Duration,
        subscribed: bool,
    ) -> Option<Self> {
        if config.delay.is_none() && config.rate_interval.is_none() && !subscribed {
            return None;
        }
        let mut gauge = Gauge::default();
        gauge.rates = Rates::starting(now);
        Some(Self {
            config,
            capacity,
            gauges: Mutex::new(Gauges {
                pool: gauge,
                lanes: vec![gauge; lanes],
                hot: vec![false; lanes],
                events: subscribed.then(VecDeque::new),
                pool_seen: (0, 0),
                seen: vec![(0, 0); lanes],
            }),
        })
    }

    /// The transitions found since the last call, oldest first.
    pub(crate) fn take_events(&self) -> VecDeque<PressureEvent> {
        let mut g = self.gauges.lock();
        g.events.as_mut().map(core::mem::take).unwrap_or_default()
    }

    fn marks(&self, lanes: usize) -> Marks {
        Marks {
            low: self.config.low * lanes,
            high: self.config.high * lanes,
            full: self.capacity * lanes,
        }
    }
}

impl<B: Backend> Core<B> {
    // ANCHOR: fast_look
    /// The pressure snapshot of a pool with time signals: the counts and
    /// the workers' CoDel states read, then every gauge moved under the
    /// looks' lock. Lanes are partitions only in a partitioned pool, each
    /// served by its own worker; a shared pool's levels get depth only.
    pub(crate) fn look(&self, looks: &Looks<B>) -> PressureSnapshot {
        let now = self.now();
        let depths: Vec<usize> = self.lanes.iter().map(|l| l.ring.len()).collect();
        let accepted: Vec<u64> = self
            .lanes
            .iter()
            .map(|l| l.ring.accepted() as u64)
            .collect();
        let finished: Vec<u64> = self
            .own
            .iter()
            .map(|own| {
                let (completed, failed) = own.0.counters.read();
                completed + failed
            })
            .collect();
        let mut g = looks.gauges.lock();
        let g = &mut *g;
        if let Some(interval) = looks.config.rate_interval {
            let total = (accepted.iter().sum(), finished.iter().sum());
            count(&mut g.pool, &mut g.pool_seen, total, now, interval);
            if self.partitioned {
                for (lane, gauge) in g.lanes.iter_mut().enumerate() {
                    let counts = (accepted[lane], finished[lane]);
                    count(gauge, &mut g.seen[lane], counts, now, interval);
                }
            }
        }
        let codels: Vec<&Codel<B>> = self.own.iter().filter_map(|o| o.0.codel.as_ref()).collect();
        let reads: Vec<(bool, bool)> = codels.iter().map(|c| c.read(now)).collect();
        // The pool's waits stand if every worker that took a task lately
        // saw them stand: one short wait anywhere clears a shared queue.
        let recent = reads.iter().filter(|(_, recent)| *recent);
        g.pool.delay.standing = reads.iter().any(|r| r.1) && recent.clone().all(|r| r.0);
        let total: usize = depths.iter().sum();
        let change = g.pool.update(total, looks.marks(self.lanes.len()));
        g.queue(PressureEvent::level(Scope::Pool, change, total, now));
        if total == 0 {
            codels.iter().for_each(|c| c.forget());
        }
        let mut lanes: Vec<LanePressure> = Vec::with_capacity(depths.len());
        for (lane, &depth) in depths.iter().enumerate() {
            let gauge = &mut g.lanes[lane];
            if let (true, Some(&(standing, _))) = (self.partitioned, reads.get(lane)) {
                gauge.delay.standing = standing;
            }
            let change = gauge.update(depth, looks.marks(1));
            if self.partitioned {
                // Only partitions are scopes of their own.
                g.queue(PressureEvent::level(Scope::Lane(lane), change, depth, now));
            }
            let gauge = &g.lanes[lane];
            if self.partitioned && depth == 0 {
                codels.get(lane).inspect(|c| c.forget());
            }
            let scope = if depths.len() == 1 { &g.pool } else { gauge };
            lanes.push(LanePressure {
                level: scope.level,
                depth,
                hot: false,
                retry_after: scope.retry_after(),
            });
        }
        mark_hot(&mut lanes, self.partitioned);
        for (index, lane) in lanes.iter().enumerate() {
            if core::mem::replace(&mut g.hot[index], lane.hot) != lane.hot {
                g.queue(Some(PressureEvent::HotPartition {
                    lane: index,
                    hot: lane.hot,
                    at: now,
                }));
            }
        }
        PressureSnapshot {
            pool: g.pool.level,
            retry_after: g.pool.retry_after(),
            arrival_rate: g.pool.rates.arrival,
            service_rate: g.pool.rates.service,
            lanes,
        }
    }
    // ANCHOR_END: fast_look
}

impl Gauges {
    /// Queues `event`, if there is one and the pool has a subscriber.
    fn queue(&mut self, event: Option<PressureEvent>) {
        if let (Some(events), Some(event)) = (&mut self.events, event) {
            events.push_back(event);
        }
    }
}

/// Feeds what changed since `seen` into the gauge's rates.
fn count(
    gauge: &mut Gauge,
    seen: &mut (u64, u64),
    now_seen: (u64, u64),
    now: Duration,
    interval: Duration,
) {
    let arrivals = now_seen.0.saturating_sub(seen.0);
    let services = now_seen.1.saturating_sub(seen.1);
    gauge.rates.count_since(arrivals, services, now, interval);
    *seen = now_seen;
}
