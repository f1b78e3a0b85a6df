//! The state every thread of a pool shares: bounded lanes of queued tasks,
//! the lifecycle flag, live worker count and metrics, all behind one lock,
//! plus the condition variables that signal changes to it.
//!
//! A *lane* is one bounded FIFO queue. A shared pool has one lane that all
//! workers serve; a partitioned pool gives each worker a lane of its own and
//! routes each task by its key. Everything else (admission, the worker
//! loop, shutdown, metrics) is the same code for both.

use crate::metrics::{LaneMetrics, Metrics};
use crate::policy::RejectionPolicy;
use crate::routing::jump_hash;
use crate::sync::{Backend, Condvar, Mutex};
use crate::task::{Job, Outcome, TaskId};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

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
    /// The shared pool's single lane.
    Shared,
    /// The lane owning this key hash.
    Key(u64),
}

/// A queued task with the key hash it was routed by (0 in a shared pool).
pub(crate) struct Entry {
    pub(crate) key: u64,
    pub(crate) job: Box<dyn Job>,
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
    /// One bounded FIFO per lane (as many as the pool may ever use).
    pub(crate) lanes: Vec<VecDeque<Entry>>,
    /// Lanes in use: new keys route among `0..active`.
    pub(crate) active: usize,
    /// Partitioned pools: whether a worker is serving each lane.
    pub(crate) served: Vec<bool>,
    /// Partitioned pools: keys with tasks queued or running.
    pub(crate) pending: BTreeMap<u64, Pending>,
    /// Set once by shutdown: no new task is accepted after this.
    pub(crate) closed: bool,
    /// Workers that have not yet left their loop.
    pub(crate) live_workers: usize,
    /// The accounting, consistent whenever the lock is free.
    pub(crate) metrics: Metrics,
    /// The tasks running now (`metrics.running` of them), for a bounded
    /// shutdown to say which are still running at its deadline.
    pub(crate) running: BTreeSet<TaskId>,
    /// Per-lane counts, for partitioned pools' hot-partition detection.
    pub(crate) lane_counts: Vec<LaneMetrics>,
}
// ANCHOR_END: pool_state

impl State {
    // ANCHOR: lane_for
    /// The lane a submission goes to now.
    pub(crate) fn lane_for(&self, route: Route) -> usize {
        match route {
            Route::Shared => 0,
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
        make: impl FnOnce(TaskId) -> (Box<dyn Job>, R),
    ) -> R {
        let id = self.accept();
        self.metrics.queued += 1;
        self.lane_counts[lane].accepted += 1;
        let key = match route {
            Route::Shared => 0,
            Route::Key(hash) => {
                self.pending
                    .entry(hash)
                    .or_insert(Pending { lane, count: 0 })
                    .count += 1;
                hash
            }
        };
        let (job, kept) = make(id);
        self.lanes[lane].push_back(Entry { key, job });
        kept
    }
    // ANCHOR_END: accounting_push

    /// Records an accepted task and returns its id.
    pub(crate) fn accept(&mut self) -> TaskId {
        let id = TaskId(self.metrics.accepted);
        self.metrics.accepted += 1;
        id
    }

    // ANCHOR: pop_finish_release
    /// Takes the next task of `lane` off the queue to run it.
    pub(crate) fn pop(&mut self, lane: usize) -> Option<Entry> {
        let entry = self.lanes[lane].pop_front()?;
        self.metrics.queued -= 1;
        self.metrics.running += 1;
        self.running.insert(entry.job.id());
        Some(entry)
    }

    /// Records the end of the run of task `id`, of key `key`, on `lane`.
    pub(crate) fn finish(&mut self, id: TaskId, outcome: Outcome, lane: usize, key: u64) {
        self.metrics.running -= 1;
        self.running.remove(&id);
        self.lane_counts[lane].finished += 1;
        match outcome {
            Outcome::Completed => self.metrics.completed += 1,
            Outcome::Panicked => self.metrics.failed += 1,
        }
        self.release(key);
    }

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

// ANCHOR: shared
/// The wake-ups of one lane.
pub(crate) struct LaneSignals<B: Backend> {
    /// A task was queued, the pool closed or resized: its worker re-checks.
    pub(crate) not_empty: Condvar<B>,
    /// A slot was freed, or the pool closed or resized: blocked submitters
    /// re-check.
    pub(crate) not_full: Condvar<B>,
}

/// The state shared by a pool's handle, its workers and its submitters.
pub(crate) struct Shared<B: Backend> {
    pub(crate) state: Mutex<B, State>,
    pub(crate) signals: Vec<LaneSignals<B>>,
    /// The last worker left its loop.
    pub(crate) terminated: Condvar<B>,
    /// The bound of each lane.
    pub(crate) capacity: usize,
    pub(crate) policy: RejectionPolicy,
    pub(crate) mode: Mode,
}
// ANCHOR_END: shared

impl<B: Backend> Shared<B> {
    /// `lanes` is the most lanes the pool may ever use; `active` of them
    /// start in use.
    pub(crate) fn new(
        mode: Mode,
        lanes: usize,
        active: usize,
        capacity: usize,
        policy: RejectionPolicy,
    ) -> Self {
        Self {
            state: Mutex::new(State {
                lanes: (0..lanes).map(|_| VecDeque::new()).collect(),
                active,
                served: vec![false; lanes],
                pending: BTreeMap::new(),
                closed: false,
                live_workers: 0,
                metrics: Metrics::default(),
                running: BTreeSet::new(),
                lane_counts: vec![LaneMetrics::default(); lanes],
            }),
            signals: (0..lanes)
                .map(|_| LaneSignals {
                    not_empty: Condvar::new(),
                    not_full: Condvar::new(),
                })
                .collect(),
            terminated: Condvar::new(),
            capacity,
            policy,
            mode,
        }
    }

    // ANCHOR: wake_all
    /// Wakes everyone who waits on a change of the lifecycle or of the
    /// routing: idle workers (to drain and exit, or retire) and blocked
    /// submitters (to be rejected, or to pick their lane again). This
    /// explicit wake-up is what makes shutdown terminate; no timeout does.
    pub(crate) fn wake_all(&self) {
        for lane in &self.signals {
            lane.not_empty.notify_all();
            lane.not_full.notify_all();
        }
    }
    // ANCHOR_END: wake_all
}
