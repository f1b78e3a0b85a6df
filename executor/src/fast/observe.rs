//! Reading a fast pool's load, without a lock: the backpressure level of
//! each lane and of the pool, and each worker's health with the stuck
//! tasks. Both are snapshots taken field by field while tasks run, and
//! both are exact once the pool is quiet.

use super::{FastPartitionedPool, FastPool};
use crate::health::{Health, Stuck, WorkerHealth};
use crate::observe::{LanePressure, PressureSnapshot};
use crate::pressure::Level;
use crate::sync::Backend;
use core::time::Duration;

impl<B: Backend> FastPool<B> {
    /// The pool's clock now; zero if it keeps no time (see
    /// [`FastBuilder::timed`](crate::FastBuilder::timed)).
    pub fn now(&self) -> Duration {
        self.core.now()
    }

    // ANCHOR: fast_pressure
    /// The backpressure signal now: each lane's level from its depth
    /// against the watermarks, with hysteresis, and the pool's from the
    /// total. A level moves when someone looks, from where the last look
    /// left it, so what this reports never flaps inside a band; a hot lane
    /// is Saturated while another is Normal.
    ///
    /// With a [`target_wait`](crate::PressureConfig::target_wait), queue
    /// waits and rates count too, as in
    /// [`Pool::pressure`](crate::Pool::pressure): waits above the target
    /// for a whole interval saturate, arrivals outpacing service elevate,
    /// and the snapshot gives the rates and a retry-after hint. A look
    /// reads the counts the pool keeps anyway and each worker's queue-wait
    /// samples, and moves the gauges under a lock only looks take.
    ///
    /// ```
    /// use executor::{FastExecutor, Level, PressureConfig};
    /// let pool = FastExecutor::builder()
    ///     .workers(1)
    ///     .capacity(4)
    ///     .pressure(PressureConfig::watermarks(1, 3))
    ///     .build()?;
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap())?;
    /// # while pool.metrics().queued != 0 { std::thread::yield_now(); }
    /// let queued: Vec<_> = (0..3).map(|_| pool.submit(|| ()).unwrap()).collect();
    /// assert_eq!(pool.pressure().pool, Level::Elevated); // 3 queued: the high mark
    /// tx.send(())?;
    /// busy.join()?;
    /// for task in queued {
    ///     task.join()?;
    /// }
    /// assert_eq!(pool.pressure().pool, Level::Normal); // drained
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pressure(&self) -> PressureSnapshot {
        let core = &self.core;
        if let Some(looks) = &core.looks {
            return core.look(looks);
        }
        let depths: Vec<usize> = core.lanes.iter().map(|lane| lane.ring.len()).collect();
        let mut lanes: Vec<LanePressure> = depths
            .iter()
            .enumerate()
            .map(|(index, &depth)| LanePressure {
                level: core.levels.lane(index, depth),
                depth,
                ..LanePressure::default()
            })
            .collect();
        // A shared pool's one lane is the pool.
        let pool = match lanes.as_slice() {
            [only] => only.level,
            _ => core.levels.pool(depths.iter().sum()),
        };
        mark_hot(&mut lanes, core.partitioned);
        PressureSnapshot {
            pool,
            lanes,
            ..PressureSnapshot::default()
        }
    }
    // ANCHOR_END: fast_pressure

    // ANCHOR: fast_health
    /// Each worker's health, from the heartbeat it writes itself as it
    /// takes and finishes a task, and the tasks running longer than
    /// `stuck_after`, longest first. In a partitioned pool a stuck task
    /// holds up its lane: the report counts what is queued behind it (the
    /// fast core keeps no keys, so not how many keys). Without
    /// [`FastBuilder::timed`](crate::FastBuilder::timed) times are zero
    /// and no task is reported stuck.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{FastExecutor, ManualClock};
    /// use executor::sync::Std;
    /// let clock = ManualClock::<Std>::new();
    /// let pool = FastExecutor::builder().workers(1).clock(clock.clone()).timed().build()?;
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let hung = pool.submit(move || rx.recv().unwrap())?;
    /// # while pool.health(Duration::ZERO).workers[0].running.is_none() { std::thread::yield_now(); }
    /// clock.advance(Duration::from_secs(30));
    /// let stuck = pool.health(Duration::from_secs(10)).stuck;
    /// assert_eq!((stuck[0].task, stuck[0].running_for), (hung.id(), Duration::from_secs(30)));
    /// tx.send(())?;
    /// hung.join()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn health(&self, stuck_after: Duration) -> Health {
        let core = &self.core;
        let now = core.now();
        let workers: Vec<WorkerHealth> = core
            .own
            .iter()
            .enumerate()
            .map(|(index, own)| {
                let (completed, failed) = own.0.counters.read();
                let (running, last_active) = own.0.heartbeat.read();
                WorkerHealth {
                    index,
                    lane: core.lane_of(index),
                    processed: completed + failed,
                    failed,
                    last_active,
                    running,
                }
            })
            .collect();
        let stuck: Vec<Stuck> = workers
            .iter()
            .filter_map(|w| {
                let (task, started) = w.running?;
                let running_for = now.saturating_sub(started);
                (core.clock.is_some() && running_for > stuck_after).then(|| Stuck {
                    worker: w.index,
                    lane: w.lane,
                    task,
                    running_for,
                    // Only a partitioned lane waits on this one worker.
                    queued_behind: if core.partitioned {
                        core.lanes[w.lane].ring.len()
                    } else {
                        0
                    },
                    keys_behind: 0,
                })
            })
            .collect();
        Health::new(workers, stuck, now, core.clock.is_some())
    }
    // ANCHOR_END: fast_health
}

impl<B: Backend> FastPartitionedPool<B> {
    /// The backpressure signal, as [`FastPool::pressure`]: one lane per
    /// worker, and a hot lane is a hot partition.
    pub fn pressure(&self) -> PressureSnapshot {
        self.pool.pressure()
    }

    /// Worker health and stuck tasks, as [`FastPool::health`].
    pub fn health(&self, stuck_after: Duration) -> Health {
        self.pool.health(stuck_after)
    }

    /// The pool's clock now, as [`FastPool::now`].
    pub fn now(&self) -> Duration {
        self.pool.now()
    }
}

// ANCHOR: fast_hot
/// Marks the hot lanes: Saturated while another lane is Normal. Only a
/// partitioned pool's lanes are partitions (a prioritized pool's are its
/// levels), so only they can be hot.
pub(super) fn mark_hot(lanes: &mut [LanePressure], partitioned: bool) {
    let normal = lanes.iter().any(|lane| lane.level == Level::Normal);
    for lane in lanes {
        lane.hot = partitioned && normal && lane.level == Level::Saturated;
    }
}
// ANCHOR_END: fast_hot
