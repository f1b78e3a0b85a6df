//! Supervision: a worker that dies is replaced by a new thread, at most
//! `restarts` times `within` a period, in the manner of an Erlang
//! supervisor's restart intensity. Past the cap the pool *fails*: it
//! refuses every submission with [`RejectReason::Failed`](crate::RejectReason::Failed),
//! resolves the handles of the tasks still queued, and keeps the cause.
//!
//! What kills a worker: a panic that escapes the task boundary (a bug in
//! the pool, or user code it calls outside one), or, under
//! [`PanicPolicy::RestartWorker`], any task's panic: "let it crash", so a
//! worker whose thread-local state a failed task may have corrupted is
//! never reused.
//!
//! The dying worker supervises itself: it catches its own unwinding at the
//! top of its thread, then, under the pool's locks, counts the death,
//! starts its replacement or fails the pool. No supervisor thread polls,
//! so a death is handled the moment it happens and under the checkers.

use crate::error::TaskError;
use crate::pool::spawn_workers;
use crate::queue::{Mode, Shared};
use crate::sync::{Arc, Backend};
use crate::task::{TaskId, drop_quietly, run_quietly};
use crate::worker::Me;
use core::time::Duration;
use std::collections::VecDeque;

// ANCHOR: panic_policy
/// What a task's panic does to the worker that ran it.
///
/// ```
/// use executor::PanicPolicy;
/// assert_eq!(PanicPolicy::default(), PanicPolicy::Isolate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanicPolicy {
    /// The worker catches it, fails the task's handle and lives on.
    #[default]
    Isolate,
    /// The handle fails as with `Isolate`, then the worker thread ends and
    /// a new one replaces it (within the restart intensity).
    RestartWorker,
}
// ANCHOR_END: panic_policy

/// How many worker restarts the pool allows in how long before it fails.
///
/// ```
/// use std::time::Duration;
/// use executor::{BuildError, Executor, RestartIntensity};
/// let pool = Executor::builder()
///     .restart_intensity(RestartIntensity { restarts: 3, within: Duration::from_secs(10) })
///     .build();
/// assert!(pool.is_ok());
/// let zero = Executor::builder().restart_intensity(RestartIntensity { restarts: 0, within: Duration::from_secs(10) }).build();
/// assert!(matches!(zero, Err(BuildError::RestartIntensity { .. })));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestartIntensity {
    /// The most restarts inside any period of `within`.
    pub restarts: usize,
    /// The period.
    pub within: Duration,
}

impl Default for RestartIntensity {
    /// Five restarts a minute.
    fn default() -> Self {
        Self {
            restarts: 5,
            within: Duration::from_secs(60),
        }
    }
}

/// A task running when the pool failed or was stopped: the in-process
/// analogue of a queue's in-flight set, which a broker would redeliver
/// after a visibility timeout.
///
/// ```
/// use executor::{InFlight, TaskId};
/// let t = InFlight { task: TaskId(3), worker: 0, lane: 0, started: std::time::Duration::ZERO };
/// assert_eq!(t.task, TaskId(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InFlight {
    /// The task.
    pub task: TaskId,
    /// The worker running it.
    pub worker: usize,
    /// The lane it came from.
    pub lane: usize,
    /// When it started (the pool's clock).
    pub started: Duration,
}

// ANCHOR: failure
/// Why a pool failed, as [`Pool::supervision`](crate::Pool::supervision)
/// reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The death that passed the cap.
    pub cause: String,
    /// The index of the worker that died last.
    pub worker: usize,
    /// When (the pool's clock).
    pub at: Duration,
    /// Tasks still running on the other workers at that moment.
    pub in_flight: Vec<InFlight>,
    /// Tasks that were queued, whose handles resolved as
    /// [`TaskError::PoolFailed`].
    pub unstarted: u64,
}
// ANCHOR_END: failure

/// Restarts so far, and the failure if the pool has failed.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().build().unwrap();
/// let s = pool.supervision();
/// assert_eq!((s.restarts, s.failure), (0, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Supervision {
    /// Workers replaced after dying.
    pub restarts: u64,
    /// Set once the restart intensity was passed.
    pub failure: Option<Failure>,
}

// ANCHOR: restart_intensity
/// The supervisor's memory: recent deaths and the verdict so far.
#[derive(Debug, Default)]
pub(crate) struct Supervisor {
    pub(crate) intensity: RestartIntensity,
    /// When the deaths inside the current period happened, oldest first.
    deaths: VecDeque<Duration>,
    pub(crate) report: Supervision,
}

impl Supervisor {
    pub(crate) fn new(intensity: RestartIntensity) -> Self {
        Self {
            intensity,
            ..Self::default()
        }
    }

    /// Counts a death at `now`; `true` if a restart is within the cap.
    fn allows_restart(&mut self, now: Duration) -> bool {
        self.deaths.push_back(now);
        while let Some(&oldest) = self.deaths.front() {
            if now.saturating_sub(oldest) < self.intensity.within {
                break;
            }
            self.deaths.pop_front();
        }
        self.deaths.len() <= self.intensity.restarts
    }

    pub(crate) fn failed(&self) -> bool {
        self.report.failure.is_some()
    }
}
// ANCHOR_END: restart_intensity

// ANCHOR: died
/// Worker `me` died of `cause`: it no longer serves; if the pool still
/// needs it, a new thread replaces it within the restart intensity, or
/// else the pool fails. Runs on the dying thread, holding no lock.
pub(crate) fn died<B: Backend>(shared: &Arc<B, Shared<B>>, me: &Me, cause: String) {
    let now = shared.now();
    // Lock order: the worker handles, then the state.
    let mut handles = shared.workers.lock();
    let mut state = shared.state.lock();
    state.live_workers -= 1;
    state.monitor.workers.remove(&me.serial);
    state.exited.insert(me.serial);
    let needed = match state.mode {
        // Fewer workers than wanted (a surplus one needs no replacement).
        Mode::Shared => state.live_workers < state.active,
        // Its lane is in use, or still holds tasks only it could run.
        Mode::Partitioned => {
            state.served[me.lane] = false;
            me.lane < state.active || !state.lanes[me.lane].is_empty()
        }
    };
    if !needed || state.supervisor.failed() {
        drop(handles);
        return shared.left(state);
    }
    let cause = if state.supervisor.allows_restart(now) {
        match spawn_workers(shared, &mut handles, &mut state, vec![me.lane]) {
            Ok(()) => {
                state.supervisor.report.restarts += 1;
                drop(handles);
                return shared.left(state);
            }
            Err(e) => format!("{cause}; its replacement could not start: {e}"),
        }
    } else {
        let RestartIntensity { restarts, within } = state.supervisor.intensity;
        format!("{cause}; more than {restarts} restarts within {within:?}")
    };
    drop(handles);
    fail(shared, state, me, cause, now);
}
// ANCHOR_END: died

// ANCHOR: fail
/// Past the cap: the pool closes for good, every queued task's handle
/// resolves as [`TaskError::PoolFailed`] (outside the lock), and the cause
/// is kept with the tasks still running elsewhere.
fn fail<B: Backend>(
    shared: &Shared<B>,
    mut state: crate::sync::MutexGuard<'_, B, crate::queue::State>,
    me: &Me,
    cause: String,
    now: Duration,
) {
    let jobs = state.take_all_queued(now);
    state.closed = true;
    let in_flight = state.monitor.in_flight();
    state.supervisor.report.failure = Some(Failure {
        cause,
        worker: me.index,
        at: now,
        in_flight,
        unstarted: jobs.len() as u64,
    });
    if state.is_idle() {
        shared.idle.notify_all();
    }
    let owed = state.monitor.owes_delivery();
    shared.left(state);
    shared.wake_all();
    if owed {
        shared.deliver();
    }
    for mut job in jobs {
        let id = job.id();
        run_quietly(job.cancel(TaskError::PoolFailed(id)));
        drop_quietly(job);
    }
}
// ANCHOR_END: fail
