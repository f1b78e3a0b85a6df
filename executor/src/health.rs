//! Worker health: what each worker has done, when it last finished a task,
//! and what it runs now. A task running longer than a bound is *stuck*:
//! the report names the worker, and in a partitioned pool the lane and how
//! much waits behind it, since only that worker can serve those keys.
//!
//! Each worker writes its own record (under the pool's lock, as it takes
//! and finishes a task): a heartbeat written by anyone else, a supervisor
//! polling "is it alive?", would say alive about a worker that is stuck.

use crate::task::TaskId;
use core::time::Duration;

// ANCHOR: worker_health
/// One worker, as [`Pool::health`](crate::Pool::health) reports it.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(1).timed().build().unwrap();
/// pool.submit(|| ()).unwrap().join().unwrap();
/// pool.wait_idle().unwrap();
/// let w = &pool.health(std::time::Duration::from_secs(1)).workers[0];
/// assert_eq!((w.index, w.processed, w.failed, w.running), (0, 1, 0, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerHealth {
    /// The worker's index (its name's suffix).
    pub index: usize,
    /// The lane it serves (0 in a shared pool).
    pub lane: usize,
    /// Tasks it has finished.
    pub processed: u64,
    /// Of those, runs that panicked, or failed attempts of tasks with a
    /// retry policy.
    pub failed: u64,
    /// When it last finished a task, or started (the pool's clock).
    pub last_active: Duration,
    /// The task it is running now, and when that task started.
    pub running: Option<(TaskId, Duration)>,
}
// ANCHOR_END: worker_health

// ANCHOR: stuck
/// A task running longer than the bound given to
/// [`Pool::health`](crate::Pool::health).
///
/// ```
/// use executor::{Stuck, TaskId};
/// let s = Stuck { worker: 1, lane: 1, task: TaskId(7), running_for: std::time::Duration::from_secs(30), queued_behind: 4, keys_behind: 2 };
/// assert_eq!(s.to_string(), "task #7 has run 30s on worker 1; lane 1 holds 4 queued tasks of 2 keys behind it");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stuck {
    /// The worker running it.
    pub worker: usize,
    /// The lane that worker serves.
    pub lane: usize,
    /// The task.
    pub task: TaskId,
    /// How long it has run.
    pub running_for: Duration,
    /// Partitioned pools: tasks queued on the lane, which only this worker
    /// can run (0 in a shared pool: the other workers take them).
    pub queued_behind: usize,
    /// Partitioned pools: distinct keys with tasks queued or running on
    /// the lane, all held up (0 from a fast pool, which keeps no keys).
    pub keys_behind: usize,
}
// ANCHOR_END: stuck

impl core::fmt::Display for Stuck {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "task {} has run {:?} on worker {}",
            self.task, self.running_for, self.worker
        )?;
        if self.queued_behind > 0 || self.keys_behind > 0 {
            write!(
                f,
                "; lane {} holds {} queued tasks",
                self.lane, self.queued_behind
            )?;
            if self.keys_behind > 0 {
                write!(f, " of {} keys", self.keys_behind)?;
            }
            f.write_str(" behind it")?;
        }
        Ok(())
    }
}

/// Every worker's health, and the tasks stuck past the bound.
///
/// ```
/// let h = executor::Health::default();
/// assert!(h.workers.is_empty() && h.stuck.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Health {
    /// Each live worker, by index.
    pub workers: Vec<WorkerHealth>,
    /// Tasks running past the bound, longest first.
    pub stuck: Vec<Stuck>,
    /// The pool's clock when the snapshot was taken.
    pub at: Duration,
    /// Whether the pool keeps time: if not, task times are zero and no
    /// task is reported stuck.
    pub timed: bool,
}

impl Health {
    /// A snapshot at `at`, the stuck tasks sorted longest first.
    pub(crate) fn new(
        workers: Vec<WorkerHealth>,
        mut stuck: Vec<Stuck>,
        at: Duration,
        timed: bool,
    ) -> Self {
        stuck.sort_by_key(|s| core::cmp::Reverse(s.running_for));
        Self {
            workers,
            stuck,
            at,
            timed,
        }
    }
}

impl WorkerHealth {
    /// A worker that has just started.
    pub(crate) fn new(index: usize, lane: usize, now: Duration) -> Self {
        Self {
            index,
            lane,
            processed: 0,
            failed: 0,
            last_active: now,
            running: None,
        }
    }

    /// Its heartbeat as it takes task `id`.
    pub(crate) fn started(&mut self, id: TaskId, now: Duration) {
        self.running = Some((id, now));
        self.last_active = now;
    }

    /// Its heartbeat as it finishes the task it runs.
    pub(crate) fn finished(&mut self, failed: bool, now: Duration) {
        self.running = None;
        self.processed += 1;
        self.failed += u64::from(failed);
        self.last_active = now;
    }
}
