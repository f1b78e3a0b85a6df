//! The pool's view of its own load, kept under its lock beside the queue:
//! pressure gauges per lane and for the pool, latency windows, and each
//! worker's health. The queue calls in as tasks arrive, start and finish;
//! pressure transitions wait in an outbox until delivered (see
//! [`Shared::deliver`](crate::queue::Shared::deliver)).

use crate::gauge::{Gauge, Marks};
use crate::health::WorkerHealth;
use crate::latency::Book;
use crate::pressure::{Cause, Level, PressureConfig, PressureEvent, Scope};
use crate::supervise::InFlight;
use crate::task::TaskId;
use core::time::Duration;
use std::collections::{BTreeMap, VecDeque};

/// How the monitor is set up (from the builder).
pub(crate) struct MonitorSettings {
    pub(crate) pressure: PressureConfig,
    pub(crate) capacity: usize,
    pub(crate) lanes: usize,
    pub(crate) shared: bool,
    pub(crate) window: Option<Duration>,
    pub(crate) subscribed: bool,
}

// ANCHOR: monitor
/// Everything the pool knows about its load. Guarded by the pool's lock.
pub(crate) struct Monitor {
    config: PressureConfig,
    capacity: usize,
    /// A shared pool's one lane is the pool: it reports the pool scope only.
    shared: bool,
    pub(crate) pool: Gauge,
    pub(crate) lanes: Vec<Gauge>,
    pub(crate) hot: Vec<bool>,
    /// Transitions not yet delivered, oldest first.
    pub(crate) outbox: VecDeque<PressureEvent>,
    subscribed: bool,
    /// A thread is delivering the outbox now: the others leave it to it.
    pub(crate) delivering: bool,
    /// The pool's latency windows, if kept, then each lane's (partitioned
    /// pools only: a shared pool's one lane is the pool).
    pub(crate) latency: Option<(Book, Vec<Book>)>,
    /// Live workers, by index; each written by its own worker only.
    pub(crate) workers: BTreeMap<usize, WorkerHealth>,
}
// ANCHOR_END: monitor

impl Monitor {
    pub(crate) fn new(s: MonitorSettings) -> Self {
        Self {
            config: s.pressure,
            capacity: s.capacity,
            shared: s.shared,
            pool: Gauge::default(),
            lanes: vec![Gauge::default(); s.lanes],
            hot: vec![false; s.lanes],
            outbox: VecDeque::new(),
            subscribed: s.subscribed,
            delivering: false,
            latency: s.window.map(|window| {
                let lanes = if s.shared { 0 } else { s.lanes };
                let books = (0..lanes).map(|_| Book::new(window)).collect();
                (Book::new(window), books)
            }),
            workers: BTreeMap::new(),
        }
    }

    /// Whether the thread that just released the lock should deliver.
    pub(crate) fn owes_delivery(&self) -> bool {
        !self.delivering && !self.outbox.is_empty()
    }

    fn marks(&self, lanes: usize) -> Marks {
        Marks {
            low: self.config.low * lanes,
            high: self.config.high * lanes,
            full: self.capacity * lanes,
        }
    }

    // ANCHOR: depth_changed
    /// `lane` now holds `depth` tasks, the pool `total`, over `active` lanes
    /// in use: recompute the levels and queue the transitions.
    pub(crate) fn depth_changed(
        &mut self,
        lane: usize,
        depth: usize,
        total: usize,
        active: usize,
        now: Duration,
    ) {
        let change = self
            .pool
            .update(total, self.marks(if self.shared { 1 } else { active }));
        self.emit(Scope::Pool, change, total, now);
        if self.shared {
            return;
        }
        let marks = self.marks(1);
        let change = self.lanes[lane].update(depth, marks);
        if change.is_some() {
            self.emit(Scope::Lane(lane), change, depth, now);
            self.hot_changed(active, now);
        }
    }
    // ANCHOR_END: depth_changed

    fn emit(
        &mut self,
        scope: Scope,
        change: Option<(Level, Level, Cause)>,
        depth: usize,
        at: Duration,
    ) {
        if let (Some(event), true) = (
            PressureEvent::level(scope, change, depth, at),
            self.subscribed,
        ) {
            self.outbox.push_back(event);
        }
    }

    // ANCHOR: hot_partition
    /// A lane is hot when it is saturated while another lane in use is
    /// normal: its keys wait while a worker idles.
    fn hot_changed(&mut self, active: usize, at: Duration) {
        let in_use = &self.lanes[..active.min(self.lanes.len())];
        let any_normal = |me: usize| {
            in_use
                .iter()
                .enumerate()
                .any(|(other, g)| other != me && g.level == Level::Normal)
        };
        for lane in 0..self.lanes.len() {
            let hot = lane < in_use.len()
                && self.lanes[lane].level == Level::Saturated
                && any_normal(lane);
            if core::mem::replace(&mut self.hot[lane], hot) != hot && self.subscribed {
                self.outbox
                    .push_back(PressureEvent::HotPartition { lane, hot, at });
            }
        }
    }
    // ANCHOR_END: hot_partition

    /// A task arrived on `lane`.
    pub(crate) fn arrived(&mut self, lane: usize, now: Duration) {
        if let Some(interval) = self.config.rate_interval {
            self.pool.rates.count(true, now, interval);
            if !self.shared {
                self.lanes[lane].rates.count(true, now, interval);
            }
        }
    }

    /// Worker `worker` (none: a submitter, under caller-runs) started task
    /// `id` of `lane`, which waited `wait`.
    pub(crate) fn started(
        &mut self,
        lane: usize,
        worker: Option<usize>,
        id: TaskId,
        wait: Duration,
        now: Duration,
    ) {
        if let Some((target, interval)) = self.config.delay {
            self.pool.delay.sample(wait, now, target, interval);
            if !self.shared {
                self.lanes[lane].delay.sample(wait, now, target, interval);
            }
        }
        if let Some((pool, lanes)) = &mut self.latency {
            pool.waited(wait, now);
            if let Some(book) = lanes.get_mut(lane) {
                book.waited(wait, now);
            }
        }
        if let Some(record) = worker.and_then(|w| self.workers.get_mut(&w)) {
            record.started(id, now);
        }
    }

    /// A task of `lane` finished after running `run`.
    pub(crate) fn finished(
        &mut self,
        lane: usize,
        worker: Option<usize>,
        failed: bool,
        run: Duration,
        now: Duration,
    ) {
        if let Some(interval) = self.config.rate_interval {
            self.pool.rates.count(false, now, interval);
            if !self.shared {
                self.lanes[lane].rates.count(false, now, interval);
            }
        }
        if let Some((pool, lanes)) = &mut self.latency {
            pool.ran(run, now);
            if let Some(book) = lanes.get_mut(lane) {
                book.ran(run, now);
            }
        }
        if let Some(record) = worker.and_then(|w| self.workers.get_mut(&w)) {
            record.finished(failed, now);
        }
    }

    /// The tasks running on workers now, with their start times.
    pub(crate) fn in_flight(&self) -> Vec<InFlight> {
        self.workers
            .values()
            .filter_map(|w| {
                let (task, started) = w.running?;
                Some(InFlight {
                    task,
                    worker: w.index,
                    lane: w.lane,
                    started,
                })
            })
            .collect()
    }
}
