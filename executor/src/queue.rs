//! The state every thread of a pool shares: bounded lanes of queued tasks,
//! the lifecycle flag, live worker count and metrics, all behind one lock,
//! plus the condition variables that signal changes to it.
//!
//! A *lane* is one bounded FIFO queue. A shared pool has one lane that all
//! workers serve; a partitioned pool gives each worker a lane of its own.
//! Everything else (admission, the worker loop, shutdown, metrics) is the
//! same code for both.

use crate::metrics::Metrics;
use crate::policy::RejectionPolicy;
use crate::sync::{Backend, Condvar, Mutex};
use crate::task::{Job, Outcome, TaskId};
use std::collections::VecDeque;

/// Everything guarded by the pool's lock.
pub(crate) struct State {
    /// One bounded FIFO per lane.
    pub(crate) lanes: Vec<VecDeque<Box<dyn Job>>>,
    /// Set once by shutdown: no new task is accepted after this.
    pub(crate) closed: bool,
    /// Workers that have not yet left their loop.
    pub(crate) live_workers: usize,
    /// The accounting, consistent whenever the lock is free.
    pub(crate) metrics: Metrics,
}

impl State {
    /// Records an accepted task and returns its id.
    pub(crate) fn accept(&mut self) -> TaskId {
        let id = TaskId(self.metrics.accepted);
        self.metrics.accepted += 1;
        id
    }

    /// Records a task that left the queue to run.
    pub(crate) fn start(&mut self) {
        self.metrics.queued -= 1;
        self.metrics.running += 1;
    }

    /// Records the end of a run.
    pub(crate) fn finish(&mut self, outcome: Outcome) {
        self.metrics.running -= 1;
        match outcome {
            Outcome::Completed => self.metrics.completed += 1,
            Outcome::Panicked => self.metrics.failed += 1,
        }
    }
}

/// The wake-ups of one lane.
pub(crate) struct LaneSignals<B: Backend> {
    /// A task was queued, or the pool closed: idle workers re-check.
    pub(crate) not_empty: Condvar<B>,
    /// A slot was freed, or the pool closed: blocked submitters re-check.
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
}

impl<B: Backend> Shared<B> {
    pub(crate) fn new(
        lanes: usize,
        workers: usize,
        capacity: usize,
        policy: RejectionPolicy,
    ) -> Self {
        Self {
            state: Mutex::new(State {
                lanes: (0..lanes)
                    .map(|_| VecDeque::with_capacity(capacity))
                    .collect(),
                closed: false,
                live_workers: workers,
                metrics: Metrics::default(),
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
        }
    }

    /// Wakes everyone who waits on a change of the lifecycle: idle workers
    /// (to drain and exit) and blocked submitters (to be rejected). This
    /// explicit wake-up is what makes shutdown terminate; no timeout does.
    pub(crate) fn wake_all(&self) {
        for lane in &self.signals {
            lane.not_empty.notify_all();
            lane.not_full.notify_all();
        }
    }
}
