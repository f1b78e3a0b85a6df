//! The part of a pool every thread holds: the lock around the queue's
//! [`State`], the wake-ups of each lane, the worker handles, and what the
//! builder fixed for the pool's life (capacity, policy, hooks, clock).

use crate::clock::Clock;
use crate::hooks::Hooks;
use crate::lane::Lane;
use crate::metrics::{LaneMetrics, Metrics};
use crate::monitor::{Monitor, MonitorSettings};
use crate::policy::RejectionPolicy;
use crate::pool::Worker;
use crate::pressure::PressureConfig;
use crate::queue::{Entry, Mode, State};
use crate::retry::{RetrySettings, RetryState};
use crate::supervise::{PanicPolicy, RestartIntensity, Supervisor};
use crate::sync::{Arc, AtomicBool, Backend, Condvar, Mutex};
use crate::task::TaskId;
use crate::worker::WorkerNo;
use core::time::Duration;
use std::collections::{BTreeMap, BTreeSet};

// ANCHOR: shared
/// The wake-ups of one lane.
pub(crate) struct LaneSignals<B: Backend> {
    /// A task was queued, the pool closed or resized: its worker re-checks.
    pub(crate) not_empty: Condvar<B>,
    /// A slot was freed, or the pool closed or resized: blocked submitters
    /// re-check.
    pub(crate) not_full: Condvar<B>,
}

/// A worker as `worker_ids` knows it: its thread, lane and numbers.
pub(crate) struct WorkerId<B: Backend> {
    pub(crate) thread: B::ThreadId,
    pub(crate) lane: usize,
    pub(crate) no: WorkerNo,
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
    /// Where every time the pool keeps comes from.
    pub(crate) clock: Arc<B, Box<dyn Clock>>,
    /// Whether tasks' steps are timed (see `task_time`).
    pub(crate) timed: bool,
    // ANCHOR: workers_lock_order
    /// The worker threads' handles. Taken out and joined by shutdown; a
    /// resize, and a dying worker starting its replacement, hold this
    /// lock while they start workers (checking the closed flag under it),
    /// so none escapes a shutdown's joins. Lock order: this lock before
    /// the state lock.
    pub(crate) workers: Mutex<B, Vec<Worker<B>>>,
    // ANCHOR_END: workers_lock_order
    /// Workers are named `{prefix}-{index}`.
    pub(crate) prefix: String,
    /// The most workers a resize may grow to.
    pub(crate) max_workers: usize,
    /// What a task's panic does to its worker.
    pub(crate) panic_policy: PanicPolicy,
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
                lanes: (0..lanes).map(|_| Lane::default()).collect(),
                aging: settings.aging,
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
                supervisor: Supervisor::new(settings.restart_intensity),
                lane_counts: vec![LaneMetrics::default(); lanes],
                monitor: Monitor::new(MonitorSettings {
                    pressure: settings.pressure,
                    capacity: settings.capacity,
                    lanes,
                    shared: mode == Mode::Shared,
                    window: settings.latency_window,
                    subscribed: settings.hooks.pressure.is_some(),
                }),
                retries: RetryState::new(settings.retries),
                halted: false,
                compensated: BTreeSet::new(),
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
            clock: settings.clock.clone(),
            timed: settings.timed
                || settings.latency_window.is_some()
                || settings.pressure.delay.is_some()
                || settings.pressure.rate_interval.is_some()
                || settings.hooks.before_task.is_some()
                || settings.hooks.after_task.is_some(),
            workers: Mutex::new(Vec::with_capacity(settings.workers)),
            prefix: settings.prefix.clone(),
            max_workers: settings.max_workers,
            panic_policy: settings.panic_policy,
        }
    }

    // ANCHOR: serves_alone
    /// The calling thread's worker numbers if it is the only worker that can
    /// ever take a task off `lane`: a partitioned pool's worker of that
    /// lane, or a shared pool's only worker. Such a thread waiting for room
    /// in that lane, or for a task queued there, would wait for itself.
    pub(crate) fn serves_alone(&self, state: &State, lane: usize) -> Option<WorkerNo> {
        if self.mode == Mode::Shared && state.live_workers != 1 {
            return None;
        }
        let me = crate::sync::thread::current_id::<B>();
        self.worker_ids
            .lock()
            .iter()
            .find(|w| w.thread == me && w.lane == lane)
            .map(|w| w.no)
    }

    /// Whether task `id` is still queued on `lane`.
    pub(crate) fn is_queued(state: &State, lane: usize, id: TaskId) -> bool {
        state.lanes[lane].contains(id)
    }
    // ANCHOR_END: serves_alone

    // ANCHOR: take_queued
    /// Takes task `id` off `lane` if it is still queued there, accounted as
    /// cancelled, and lets one blocked submitter into the freed slot. Each
    /// lane is in id order (ids are given out under the lock as tasks are
    /// queued), so the search is a binary one.
    pub(crate) fn take_queued(&self, lane: usize, id: TaskId) -> Option<Entry> {
        let now = self.now();
        let mut state = self.state.lock();
        let (entry, delayed) = state.lanes[lane].take(id)?;
        if delayed {
            state.metrics.delayed -= 1;
        } else {
            state.metrics.queued -= 1;
        }
        state.metrics.cancelled += 1;
        state.release(entry.key);
        state.depth_changed(lane, now);
        if state.is_idle() {
            self.idle.notify_all();
        }
        // A retry taken out ends its key's hold: the tasks parked behind it
        // are runnable now, and its worker may be asleep.
        let runnable = state.lanes[lane].has_runnable();
        let owed = state.monitor.owes_delivery();
        drop(state);
        self.signals[lane].not_full.notify_one();
        if runnable {
            self.signals[lane].not_empty.notify_all();
        }
        if owed {
            self.deliver();
        }
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
    pub(crate) pressure: PressureConfig,
    pub(crate) latency_window: Option<Duration>,
    pub(crate) timed: bool,
    pub(crate) clock: Arc<B, Box<dyn Clock>>,
    pub(crate) panic_policy: PanicPolicy,
    pub(crate) restart_intensity: RestartIntensity,
    pub(crate) aging: usize,
    pub(crate) retries: RetrySettings,
}
