//! The state every thread of a pool shares: bounded lanes of queued tasks,
//! the lifecycle flag, live worker count and metrics, all behind one lock,
//! plus the condition variables that signal changes to it.
//!
//! A *lane* is one bounded FIFO queue. A shared pool has one lane that all
//! workers serve; a partitioned pool gives each worker a lane of its own and
//! routes each task by its key. Everything else (admission, the worker
//! loop, shutdown, metrics) is the same code for both.

use crate::hooks::Hooks;
use crate::metrics::{LaneMetrics, Metrics};
use crate::policy::RejectionPolicy;
use crate::routing::jump_hash;
use crate::sync::{Arc, AtomicBool, Backend, Condvar, Mutex};
use crate::task::{Job, Outcome, TaskId};
use core::time::Duration;
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

/// A queued task with the key hash it was routed by (0 in a shared pool)
/// and when it was queued (backend time; zero unless a hook wants it).
pub(crate) struct Entry {
    pub(crate) key: u64,
    pub(crate) job: Box<dyn Job>,
    pub(crate) enqueued: Duration,
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
        enqueued: Duration,
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
        self.lanes[lane].push_back(Entry { key, job, enqueued });
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
    /// The caller decrements `finishing` once the task's callbacks and
    /// hooks have run.
    pub(crate) fn finish(&mut self, id: TaskId, outcome: Outcome, lane: usize, key: u64) {
        self.metrics.running -= 1;
        self.finishing += 1;
        self.running.remove(&id);
        self.lane_counts[lane].finished += 1;
        match outcome {
            Outcome::Completed => self.metrics.completed += 1,
            Outcome::Panicked => self.metrics.failed += 1,
        }
        self.release(key);
    }

    /// Nothing queued and nothing running: what `wait_idle` waits for.
    pub(crate) fn is_idle(&self) -> bool {
        self.metrics.queued == 0 && self.metrics.running == 0 && self.finishing == 0
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

// ANCHOR: shared
/// The wake-ups of one lane.
pub(crate) struct LaneSignals<B: Backend> {
    /// A task was queued, the pool closed or resized: its worker re-checks.
    pub(crate) not_empty: Condvar<B>,
    /// A slot was freed, or the pool closed or resized: blocked submitters
    /// re-check.
    pub(crate) not_full: Condvar<B>,
}

/// A worker as `worker_ids` knows it: its thread, lane and index.
pub(crate) struct WorkerId<B: Backend> {
    pub(crate) thread: B::ThreadId,
    pub(crate) lane: usize,
    pub(crate) index: usize,
}

/// The state shared by a pool's handle, its workers and its submitters.
pub(crate) struct Shared<B: Backend> {
    pub(crate) state: Mutex<B, State>,
    /// The workers started and not yet reaped, with the lane each serves:
    /// to refuse, from inside a task, waits that would wait for the caller
    /// itself. Its own lock, taken last (never while waiting for another):
    /// a task asking "am I a worker?" must not wait for a shutdown's joins.
    pub(crate) worker_ids: Mutex<B, Vec<WorkerId<B>>>,
    pub(crate) signals: Vec<LaneSignals<B>>,
    /// The last worker left its loop.
    pub(crate) terminated: Condvar<B>,
    /// Nothing is queued or running any more (see [`State::is_idle`]).
    pub(crate) idle: Condvar<B>,
    /// Set by `shutdown_now` and by a `shutdown_timeout` that passed its
    /// deadline: running tasks that check it stop early.
    pub(crate) cancelled: Arc<B, AtomicBool<B>>,
    /// User code around workers and tasks (outside the lock, panics caught).
    pub(crate) hooks: Hooks<B>,
    /// Shared pools: how long a worker above the core count idles before
    /// it leaves (none: it stays).
    pub(crate) keep_alive: Option<Duration>,
    /// The bound of each lane.
    pub(crate) capacity: usize,
    pub(crate) policy: RejectionPolicy,
    pub(crate) mode: Mode,
}
// ANCHOR_END: shared

impl<B: Backend> Shared<B> {
    /// `lanes` is the most lanes the pool may ever use; `active` of them
    /// start in use (a shared pool: the workers wanted).
    pub(crate) fn new(settings: &Settings<B>) -> Self {
        let Settings { mode, lanes, .. } = *settings;
        Self {
            worker_ids: Mutex::new(Vec::with_capacity(settings.workers)),
            state: Mutex::new(State {
                lanes: (0..lanes).map(|_| VecDeque::new()).collect(),
                active: settings.workers,
                mode,
                core: settings.workers,
                next_index: 0,
                exited: BTreeSet::new(),
                served: vec![false; lanes],
                pending: BTreeMap::new(),
                closed: false,
                live_workers: 0,
                stopping: 0,
                finishing: 0,
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
            idle: Condvar::new(),
            cancelled: Arc::new(AtomicBool::new(false)),
            hooks: settings.hooks.clone(),
            keep_alive: settings.keep_alive,
            capacity: settings.capacity,
            policy: settings.policy,
            mode,
        }
    }

    // ANCHOR: serves_alone
    /// The calling thread's worker index if it is the only worker that can
    /// ever take a task off `lane`: a partitioned pool's worker of that
    /// lane, or a shared pool's only worker. Such a thread waiting for room
    /// in that lane, or for a task queued there, would wait for itself.
    pub(crate) fn serves_alone(&self, state: &State, lane: usize) -> Option<usize> {
        if self.mode == Mode::Shared && state.live_workers != 1 {
            return None;
        }
        let me = crate::sync::thread::current_id::<B>();
        self.worker_ids
            .lock()
            .iter()
            .find(|w| w.thread == me && w.lane == lane)
            .map(|w| w.index)
    }

    /// Whether task `id` is still queued on `lane`.
    pub(crate) fn is_queued(state: &State, lane: usize, id: TaskId) -> bool {
        state.lanes[lane]
            .binary_search_by_key(&id, |entry| entry.job.id())
            .is_ok()
    }
    // ANCHOR_END: serves_alone

    // ANCHOR: take_queued
    /// Takes task `id` off `lane` if it is still queued there, accounted as
    /// cancelled, and lets one blocked submitter into the freed slot. Each
    /// lane is in id order (ids are given out under the lock as tasks are
    /// queued), so the search is a binary one.
    pub(crate) fn take_queued(&self, lane: usize, id: TaskId) -> Option<Entry> {
        let mut state = self.state.lock();
        let at = state.lanes[lane]
            .binary_search_by_key(&id, |entry| entry.job.id())
            .ok()?;
        let entry = state.lanes[lane].remove(at)?;
        state.metrics.queued -= 1;
        state.metrics.cancelled += 1;
        state.release(entry.key);
        if state.is_idle() {
            self.idle.notify_all();
        }
        drop(state);
        self.signals[lane].not_full.notify_one();
        Some(entry)
    }
    // ANCHOR_END: take_queued

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

/// What a pool is built from (the builder's settings, checked).
pub(crate) struct Settings<B: Backend> {
    pub(crate) mode: Mode,
    pub(crate) workers: usize,
    /// The most lanes (a partitioned pool's most workers); 1 if shared.
    pub(crate) lanes: usize,
    /// The most workers a resize may grow to.
    pub(crate) max_workers: usize,
    pub(crate) capacity: usize,
    pub(crate) prefix: String,
    pub(crate) policy: RejectionPolicy,
    pub(crate) keep_alive: Option<Duration>,
    pub(crate) hooks: Hooks<B>,
}
