//! The state behind a pool's one lock: bounded lanes of queued tasks, the
//! lifecycle flag, live worker count, metrics, the monitor and the
//! supervisor. (What holds the lock, and the wake-ups, are in `shared`.)
//!
//! A *lane* is one bounded FIFO queue. A shared pool has one lane that all
//! workers serve; a partitioned pool gives each worker a lane of its own and
//! routes each task by its key. Everything else (admission, the worker
//! loop, shutdown, metrics) is the same code for both.

use crate::lane::{Lane, Priority};
use crate::metrics::{LaneMetrics, Metrics};
use crate::monitor::Monitor;
use crate::retry::RetryState;
use crate::routing::jump_hash;
use crate::supervise::Supervisor;
use crate::task::{Job, Outcome, TaskId};
use core::time::Duration;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) use crate::shared::{Settings, Shared, WorkerId};

/// How tasks find their lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// One lane, served by every worker.
    Shared,
    /// One lane per worker; a task's key picks the lane.
    Partitioned,
}

/// Where a submission goes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Route {
    /// The shared pool's single lane, at a priority.
    Shared(Priority),
    /// The lane owning this key hash.
    Key(u64),
}

/// A queued task with the key hash it was routed by (0 in a shared pool)
/// and when it was queued (the pool's clock).
pub(crate) struct Entry {
    pub(crate) key: u64,
    pub(crate) job: Box<dyn Job>,
    pub(crate) enqueued: Duration,
    pub(crate) priority: Priority,
}

// ANCHOR: pending
/// Tasks of one key that are queued or running, and on which lane. While a
/// key has any, new tasks of that key follow them to the same lane, even if
/// a resize has moved the key: that is what keeps per-key order across a
/// resize (the old lane drains before the key's next task runs elsewhere).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pending {
    pub(crate) lane: usize,
    pub(crate) count: usize,
}
// ANCHOR_END: pending

// ANCHOR: pool_state
/// Everything guarded by the pool's lock.
pub(crate) struct State {
    /// One bounded queue per lane (as many as the pool may ever use):
    /// FIFO per priority level, with aging.
    pub(crate) lanes: Vec<Lane>,
    /// How many higher-priority tasks may pass a waiting one.
    pub(crate) aging: usize,
    /// Partitioned pools: lanes in use, new keys route among `0..active`.
    /// Shared pools: the workers wanted (a resize sets it; surplus
    /// workers leave).
    pub(crate) active: usize,
    /// Shared or partitioned: what `active` means.
    pub(crate) mode: Mode,
    /// Shared pools: the workers that stay however long they idle (the
    /// starting count); those above it leave after the keep-alive.
    pub(crate) core: usize,
    /// The index the next worker started gets (its name's suffix).
    pub(crate) next_index: usize,
    /// Workers that have left their loop and are not yet joined, by index.
    pub(crate) exited: BTreeSet<usize>,
    /// Partitioned pools: whether a worker is serving each lane.
    pub(crate) served: Vec<bool>,
    /// Partitioned pools: keys with tasks queued or running.
    pub(crate) pending: BTreeMap<u64, Pending>,
    /// Set once by shutdown: no new task is accepted after this.
    pub(crate) closed: bool,
    /// Workers serving: started and not yet decided to leave.
    pub(crate) live_workers: usize,
    /// Workers that decided to leave and are running their stop hook.
    pub(crate) stopping: usize,
    /// Tasks that finished running whose callbacks and after-task hook are
    /// still running (idle waits for them too).
    pub(crate) finishing: usize,
    /// Worker deaths, restarts and the failure past the cap.
    pub(crate) supervisor: Supervisor,
    /// The accounting, consistent whenever the lock is free.
    pub(crate) metrics: Metrics,
    /// The tasks running now (`metrics.running` of them), for a bounded
    /// shutdown to say which are still running at its deadline.
    pub(crate) running: BTreeSet<TaskId>,
    /// Per-lane counts, for partitioned pools' hot-partition detection.
    pub(crate) lane_counts: Vec<LaneMetrics>,
    /// Pressure, latency and worker health.
    pub(crate) monitor: Monitor,
    /// The retry budget, the dead letters, and what a retry does to its key.
    pub(crate) retries: RetryState,
    /// Set by `shutdown_now` and by a failing pool: a failed attempt is
    /// then dead-lettered, not retried.
    pub(crate) halted: bool,
    /// Shared pools: stuck tasks an extra worker stands in for (see
    /// `compensate`).
    pub(crate) compensated: BTreeSet<TaskId>,
}
// ANCHOR_END: pool_state

impl State {
    // ANCHOR: lane_for
    /// The lane a submission goes to now.
    pub(crate) fn lane_for(&self, route: Route) -> usize {
        match route {
            Route::Shared(_) => 0,
            Route::Key(hash) => match self.pending.get(&hash) {
                Some(pending) => pending.lane,
                None => jump_hash(hash, self.active),
            },
        }
    }
    // ANCHOR_END: lane_for

    // ANCHOR: accounting_push
    /// Accepts a task onto `lane`: `make` builds the job for its id and
    /// whatever the submitter keeps (its handle), which is returned.
    pub(crate) fn push<R>(
        &mut self,
        lane: usize,
        route: Route,
        enqueued: Duration,
        make: impl FnOnce(TaskId) -> (Box<dyn Job>, R),
    ) -> R {
        let id = self.accept();
        self.metrics.queued += 1;
        self.lane_counts[lane].accepted += 1;
        self.retries.budget.earn();
        let (key, priority) = match route {
            Route::Shared(priority) => (0, priority),
            Route::Key(hash) => {
                self.pending
                    .entry(hash)
                    .or_insert(Pending { lane, count: 0 })
                    .count += 1;
                (hash, Priority::Normal)
            }
        };
        let (job, kept) = make(id);
        self.lanes[lane].push_back(Entry {
            key,
            job,
            enqueued,
            priority,
        });
        self.monitor.arrived(lane, enqueued);
        self.depth_changed(lane, enqueued);
        kept
    }

    /// Tells the monitor that `lane`'s depth changed (at `now`).
    pub(crate) fn depth_changed(&mut self, lane: usize, now: Duration) {
        let active = match self.mode {
            Mode::Shared => 1,
            Mode::Partitioned => self.active,
        };
        let (depth, total) = (self.lanes[lane].len(), self.metrics.queued as usize);
        self.monitor.depth_changed(lane, depth, total, active, now);
    }
    // ANCHOR_END: accounting_push

    /// Records an accepted task and returns its id.
    pub(crate) fn accept(&mut self) -> TaskId {
        let id = TaskId(self.metrics.accepted);
        self.metrics.accepted += 1;
        id
    }

    // ANCHOR: pop_finish_release
    /// Takes the next task of `lane` off the queue for worker `worker` to
    /// run, at `now`.
    pub(crate) fn pop(&mut self, lane: usize, worker: usize, now: Duration) -> Option<Entry> {
        let entry = self.lanes[lane].pop_front(self.aging)?;
        self.metrics.queued -= 1;
        self.metrics.running += 1;
        let id = entry.job.id();
        self.running.insert(id);
        let wait = now.saturating_sub(entry.enqueued);
        self.monitor.started(lane, Some(worker), id, wait, now);
        self.depth_changed(lane, now);
        Some(entry)
    }

    /// Records the end of the run of task `id`, of key `key`, on `lane`,
    /// by worker `run.worker` (none: a submitter, under caller-runs).
    /// The caller decrements `finishing` once the task's callbacks and
    /// hooks have run.
    pub(crate) fn finish(&mut self, id: TaskId, outcome: Outcome, lane: usize, key: u64, run: Ran) {
        self.end_run(id, outcome != Outcome::Completed, lane, run);
        match outcome {
            Outcome::Completed => self.metrics.completed += 1,
            Outcome::Panicked | Outcome::Failed => self.metrics.failed += 1,
        }
        self.release(key);
        // A retried task that finally succeeded lets its key's later tasks go.
        self.lanes[lane].release(key, id);
    }

    /// Records the end of a run of task `id` (its last or not).
    pub(crate) fn end_run(&mut self, id: TaskId, failed: bool, lane: usize, run: Ran) {
        let run_time = run.ended.saturating_sub(run.started);
        self.monitor
            .finished(lane, run.worker, failed, run_time, run.ended);
        self.metrics.running -= 1;
        self.finishing += 1;
        self.running.remove(&id);
        self.lane_counts[lane].finished += 1;
        self.uncompensate(id);
    }

    // ANCHOR: take_all_queued
    /// Halts the pool: takes every queued task (and delayed retry) off
    /// every lane, accounted as cancelled, and from now on buries a failed
    /// attempt rather than retry it. For `shutdown_now` and a failing
    /// pool; the caller resolves the handles outside the lock.
    pub(crate) fn take_all_queued(&mut self, now: Duration) -> Vec<Box<dyn Job>> {
        self.halted = true;
        let mut jobs = Vec::new();
        for lane in 0..self.lanes.len() {
            let (taken, retries) = self.lanes[lane].take_all();
            let emptied = !taken.is_empty();
            self.metrics.delayed -= retries as u64;
            self.metrics.queued -= (taken.len() - retries) as u64;
            for entry in taken {
                self.metrics.cancelled += 1;
                self.release(entry.key);
                jobs.push(entry.job);
            }
            if emptied {
                self.depth_changed(lane, now);
            }
        }
        jobs
    }
    // ANCHOR_END: take_all_queued

    /// Nothing queued and nothing running: what `wait_idle` waits for.
    pub(crate) fn is_idle(&self) -> bool {
        let m = &self.metrics;
        m.queued == 0 && m.delayed == 0 && m.running == 0 && self.finishing == 0
    }

    /// Every worker has left, stop hooks included.
    pub(crate) fn is_terminated(&self) -> bool {
        self.live_workers == 0 && self.stopping == 0
    }

    // ANCHOR: retiring
    /// Whether the worker of `lane` should leave (given its lane is drained,
    /// for a partitioned pool): its lane was retired by a resize, or, in a
    /// shared pool, more workers are live than wanted.
    pub(crate) fn retiring(&self, lane: usize) -> bool {
        match self.mode {
            Mode::Partitioned => lane >= self.active,
            Mode::Shared => self.live_workers > self.active,
        }
    }
    // ANCHOR_END: retiring

    /// One task of `key` is no longer queued or running.
    pub(crate) fn release(&mut self, key: u64) {
        if let Some(pending) = self.pending.get_mut(&key) {
            pending.count -= 1;
            if pending.count == 0 {
                self.pending.remove(&key);
            }
        }
    }
    // ANCHOR_END: pop_finish_release
}

/// Who ran a task, and when it started and ended (the pool's clock).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ran {
    pub(crate) worker: Option<usize>,
    pub(crate) started: Duration,
    pub(crate) ended: Duration,
}
