//! Reading the monitor: the pressure level with its retry-after hint,
//! latency percentiles, worker health and stuck tasks; and delivering
//! pressure transitions to the subscriber, once each, in order, outside
//! the pool's lock.

use crate::health::{Health, Stuck};
use crate::hooks::quietly;
use crate::latency::Latency;
use crate::pool::Pool;
use crate::pressure::Level;
use crate::queue::{Mode, Shared};
use crate::supervise::{InFlight, Supervision};
use crate::sync::Backend;
use core::time::Duration;

// ANCHOR: pressure_snapshot
/// The backpressure signal now, as [`Pool::pressure`] reports it.
///
/// ```
/// use executor::{Executor, Level};
/// let pool = Executor::builder().workers(2).build_partitioned().unwrap();
/// let p = pool.pressure();
/// assert_eq!(p.pool, Level::Normal);
/// assert!(p.hot_lanes().is_empty() && p.retry_after.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PressureSnapshot {
    /// The pool's level.
    pub pool: Level,
    /// How long an upstream caller should back off: the time to serve what
    /// is queued at the measured service rate (a 503's `Retry-After`).
    /// None until a rate interval has ended (see
    /// [`PressureConfig::target_wait`](crate::PressureConfig::target_wait)).
    pub retry_after: Option<Duration>,
    /// Tasks arriving per second, smoothed (0 until measured).
    pub arrival_rate: f64,
    /// Tasks finishing per second, smoothed (0 until measured).
    pub service_rate: f64,
    /// Each lane (a shared pool's one lane is the pool).
    pub lanes: Vec<LanePressure>,
}
// ANCHOR_END: pressure_snapshot

/// One lane's pressure.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LanePressure {
    /// Its level.
    pub level: Level,
    /// Tasks queued on it.
    pub depth: usize,
    /// Saturated while another lane in use is normal.
    pub hot: bool,
    /// As [`PressureSnapshot::retry_after`], for this lane's keys.
    pub retry_after: Option<Duration>,
}

impl PressureSnapshot {
    /// The hot lanes: a hot partition, whose keys wait while other workers
    /// idle (more workers will not help; a better key spread will).
    pub fn hot_lanes(&self) -> Vec<usize> {
        self.lanes
            .iter()
            .enumerate()
            .filter(|(_, lane)| lane.hot)
            .map(|(index, _)| index)
            .collect()
    }
}

impl<B: Backend> Pool<B> {
    /// The pool's clock now (see [`Builder::clock`](crate::Builder::clock)).
    pub fn now(&self) -> Duration {
        self.shared.clock.now()
    }

    // ANCHOR: pressure_query
    /// The backpressure signal now. Levels change as tasks arrive, start
    /// and finish; [`Builder::on_pressure`](crate::Builder::on_pressure)
    /// delivers each change.
    ///
    /// ```
    /// use executor::{Executor, Level, PressureConfig};
    /// let pool = Executor::builder()
    ///     .workers(1)
    ///     .capacity(4)
    ///     .pressure(PressureConfig::watermarks(1, 3))
    ///     .build()
    ///     .unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap()).unwrap();
    /// # while pool.metrics().running == 0 { std::thread::yield_now(); }
    /// let queued: Vec<_> = (0..3).map(|_| pool.submit(|| ()).unwrap()).collect();
    /// assert_eq!(pool.pressure().pool, Level::Elevated); // 3 queued: the high mark
    /// tx.send(()).unwrap();
    /// busy.join().unwrap();
    /// pool.wait_idle().unwrap();
    /// assert_eq!(pool.pressure().pool, Level::Normal); // drained
    /// ```
    pub fn pressure(&self) -> PressureSnapshot {
        let state = self.shared.state.lock();
        let m = &state.monitor;
        let lanes = match self.shared.mode {
            Mode::Shared => vec![LanePressure {
                level: m.pool.level,
                depth: m.pool.depth,
                hot: false,
                retry_after: m.pool.retry_after(),
            }],
            Mode::Partitioned => (0..m.lanes.len())
                .map(|lane| LanePressure {
                    level: m.lanes[lane].level,
                    depth: state.lanes[lane].len(),
                    hot: m.hot[lane],
                    retry_after: m.lanes[lane].retry_after(),
                })
                .collect(),
        };
        PressureSnapshot {
            pool: m.pool.level,
            retry_after: m.pool.retry_after(),
            arrival_rate: m.pool.rates.arrival,
            service_rate: m.pool.rates.service,
            lanes,
        }
    }
    // ANCHOR_END: pressure_query

    /// Queue-wait and run-time percentiles over the latency window, for
    /// the pool and each lane; `None` unless the builder asked for them
    /// ([`Builder::latency_window`](crate::Builder::latency_window)).
    /// Tasks run on a submitter by the caller-runs policy count with
    /// lane 0.
    pub fn latency(&self) -> Option<Latency> {
        let state = self.shared.state.lock();
        let (pool, lanes) = state.monitor.latency.as_ref()?;
        let pool = pool.snapshot();
        let lanes = match self.shared.mode {
            Mode::Shared => vec![pool],
            Mode::Partitioned => lanes.iter().map(|book| book.snapshot()).collect(),
        };
        Some(Latency { pool, lanes })
    }

    // ANCHOR: health
    /// Each worker's health, and the tasks that have run longer than
    /// `stuck_after`, longest first. For a partitioned pool a stuck task
    /// holds up its whole lane: the report says how many tasks and keys
    /// wait behind it. Times, and so stuck tasks, are known only if the
    /// pool keeps time ([`Builder::timed`](crate::Builder::timed));
    /// `Health::timed` says whether it does.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{Executor, ManualClock};
    /// use executor::sync::Std;
    /// let clock = ManualClock::<Std>::new();
    /// let pool = Executor::builder().workers(2).clock(clock.clone()).timed().build_partitioned().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let hung = pool.submit(&"user-1", move || rx.recv().unwrap()).unwrap();
    /// # while pool.metrics().running == 0 { std::thread::yield_now(); }
    /// clock.advance(Duration::from_secs(30));
    /// let stuck = pool.health(Duration::from_secs(10)).stuck;
    /// assert_eq!(stuck.len(), 1);
    /// assert_eq!((stuck[0].task, stuck[0].running_for), (hung.id(), Duration::from_secs(30)));
    /// assert_eq!(stuck[0].worker, pool.worker_for(&"user-1"));
    /// tx.send(()).unwrap();
    /// ```
    pub fn health(&self, stuck_after: Duration) -> Health {
        let state = self.shared.state.lock();
        let now = self.shared.clock.now();
        let workers: Vec<_> = state.monitor.workers.values().copied().collect();
        let stuck: Vec<Stuck> = workers
            .iter()
            .filter_map(|w| {
                let (task, started) = w.running?;
                let running_for = now.saturating_sub(started);
                (self.shared.timed && running_for > stuck_after).then(|| {
                    let (queued_behind, keys_behind) = match self.shared.mode {
                        Mode::Shared => (0, 0),
                        Mode::Partitioned => (
                            state.lanes[w.lane].len(),
                            state.pending.values().filter(|p| p.lane == w.lane).count(),
                        ),
                    };
                    Stuck {
                        worker: w.index,
                        lane: w.lane,
                        task,
                        running_for,
                        queued_behind,
                        keys_behind,
                    }
                })
            })
            .collect();
        Health::new(workers, stuck, now, self.shared.timed)
    }
    // ANCHOR_END: health

    /// Workers restarted so far, and, once the restart intensity was
    /// passed, why the pool failed (see [`Builder::restart_intensity`](crate::Builder::restart_intensity)).
    pub fn supervision(&self) -> Supervision {
        self.shared.state.lock().supervisor.report.clone()
    }

    // ANCHOR: in_flight
    /// The tasks running on workers now, with their start times: what a
    /// crash would lose, and what to report after `shutdown_now`.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap()).unwrap();
    /// # while pool.metrics().running == 0 { std::thread::yield_now(); }
    /// let _unstarted = pool.shutdown_now();
    /// let in_flight = pool.in_flight();
    /// assert_eq!(in_flight.len(), 1);
    /// assert_eq!(in_flight[0].task, busy.id());
    /// tx.send(()).unwrap();
    /// ```
    pub fn in_flight(&self) -> Vec<InFlight> {
        self.shared.state.lock().monitor.in_flight()
    }
    // ANCHOR_END: in_flight
}

impl<B: Backend> Shared<B> {
    /// The pool's clock now.
    pub(crate) fn now(&self) -> Duration {
        self.clock.now()
    }

    // ANCHOR: task_time
    /// The time to stamp a task's step with (queued, started, ended): the
    /// clock's, if the pool keeps time, else zero. A clock reading costs
    /// tens of nanoseconds, on a path that may take a few hundred.
    pub(crate) fn task_time(&self) -> Duration {
        if self.timed {
            self.clock.now()
        } else {
            Duration::ZERO
        }
    }
    // ANCHOR_END: task_time

    // ANCHOR: deliver
    /// Delivers queued pressure transitions to the subscriber: one thread
    /// at a time (the first to find the outbox full and nobody delivering),
    /// oldest first, each outside the lock. A transition queued while
    /// another thread delivers is picked up by that thread: it checks the
    /// outbox again under the same lock acquisition that ends its turn, so
    /// none is left behind and none is delivered twice.
    pub(crate) fn deliver(&self) {
        let Some(hook) = &self.hooks.pressure else {
            return;
        };
        let mut state = self.state.lock();
        if state.monitor.delivering {
            return;
        }
        state.monitor.delivering = true;
        while let Some(event) = state.monitor.outbox.pop_front() {
            drop(state);
            quietly(|| hook(&event));
            state = self.state.lock();
        }
        state.monitor.delivering = false;
    }
    // ANCHOR_END: deliver
}
