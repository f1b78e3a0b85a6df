//! The dead-letter queue: tasks with a retry policy that failed for good,
//! kept (bounded, the oldest dropped first) with their attempt history, to
//! inspect and to resubmit once the cause is fixed.

use crate::error::{RejectReason, ResubmitError};
use crate::partitioned::PartitionedPool;
use crate::pool::Pool;
use crate::queue::{Route, Shared};
use crate::sync::Backend;
use crate::task::{Job, TaskId};
use core::fmt;
use core::time::Duration;
use std::collections::VecDeque;

// ANCHOR: attempt
/// One failed attempt: which, what went wrong, and when (the pool's clock;
/// zero unless it keeps time, see [`Builder::timed`](crate::Builder::timed)).
///
/// ```
/// use std::time::Duration;
/// use executor::Attempt;
/// let a = Attempt { number: 1, error: "timed out".into(), panicked: false, ended: Duration::ZERO };
/// assert_eq!(a.to_string(), "attempt 1: timed out");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// 1 for the first run.
    pub number: u32,
    /// The error's text (or the panic's message).
    pub error: String,
    /// Whether it panicked rather than returned an error.
    pub panicked: bool,
    /// When it ended.
    pub ended: Duration,
}
// ANCHOR_END: attempt

impl fmt::Display for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.panicked { "panicked: " } else { "" };
        write!(f, "attempt {}: {how}{}", self.number, self.error)
    }
}

// ANCHOR: dead_reason
/// Why a task was dead-lettered.
///
/// ```
/// use executor::DeadReason;
/// assert_eq!(DeadReason::Exhausted.to_string(), "out of attempts");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadReason {
    /// Its last allowed attempt failed.
    Exhausted,
    /// It failed in a way its policy does not retry.
    NotRetryable,
    /// The pool's retry budget could not pay for another attempt.
    BudgetSpent,
    /// The pool was stopped (`shutdown_now`) or failed meanwhile.
    Stopped,
}
// ANCHOR_END: dead_reason

impl fmt::Display for DeadReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DeadReason::Exhausted => "out of attempts",
            DeadReason::NotRetryable => "not retryable",
            DeadReason::BudgetSpent => "the retry budget is spent",
            DeadReason::Stopped => "the pool stopped",
        })
    }
}

// ANCHOR: dead_letter
/// A dead letter as [`Pool::dead_letters`](crate::Pool::dead_letters)
/// shows it: the task, why it was given up, and every failed attempt.
///
/// ```
/// use std::time::Duration;
/// use executor::{DeadReason, Executor, RetryPolicy};
/// let pool = Executor::builder().workers(1).build().unwrap();
/// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
/// let handle = pool.submit_retrying(&policy, || Err::<(), _>("down")).unwrap();
/// assert!(handle.join().is_err());
/// let letters = pool.dead_letters();
/// assert_eq!(letters[0].reason, DeadReason::Exhausted);
/// assert_eq!(letters[0].attempts.len(), 2);
/// assert_eq!(letters[0].attempts[1].to_string(), "attempt 2: down");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadLetter {
    /// The task.
    pub id: TaskId,
    /// Partitioned pools: the hash of its key.
    pub key: Option<u64>,
    /// Why it was given up.
    pub reason: DeadReason,
    /// Its failed attempts, oldest first (over every resubmission).
    pub attempts: Vec<Attempt>,
}
// ANCHOR_END: dead_letter

/// A buried task: what is shown, the job to run again, and where it goes
/// back to (a [`Route`] in a pool, a lane in a fast pool).
pub(crate) struct Buried<R = Route> {
    pub(crate) letter: DeadLetter,
    pub(crate) job: Box<dyn Job>,
    pub(crate) route: R,
}

/// The bounded queue of buried tasks, oldest first.
pub(crate) struct DeadLetters<R = Route> {
    buried: VecDeque<Buried<R>>,
    capacity: usize,
}

impl<R: Copy> DeadLetters<R> {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            buried: VecDeque::new(),
            capacity,
        }
    }

    /// Buries a task; returns the oldest one if the queue was full (the
    /// caller drops it outside the lock: its closure is user data).
    pub(crate) fn bury(&mut self, buried: Buried<R>) -> Option<Buried<R>> {
        let dropped = if self.buried.len() == self.capacity {
            self.buried.pop_front()
        } else {
            None
        };
        self.buried.push_back(buried);
        dropped
    }

    /// Every letter, oldest first.
    pub(crate) fn letters(&self) -> Vec<DeadLetter> {
        self.buried.iter().map(|b| b.letter.clone()).collect()
    }

    /// The route of task `id`'s letter, if it is here.
    pub(crate) fn route_of(&self, id: TaskId) -> Option<R> {
        self.buried
            .iter()
            .find(|b| b.letter.id == id)
            .map(|b| b.route)
    }

    /// Takes task `id`'s letter out.
    pub(crate) fn take(&mut self, id: TaskId) -> Option<Buried<R>> {
        let at = self.buried.iter().position(|b| b.letter.id == id)?;
        self.buried.remove(at)
    }
}

impl<B: Backend> Shared<B> {
    // ANCHOR: resubmit
    /// Takes task `id`'s letter out of the dead-letter queue and queues it
    /// again, as a new task with its attempts counted afresh, without
    /// waiting: if its lane is full or the pool closed, the letter stays.
    fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        let enqueued = self.task_time();
        let mut state = self.state.lock();
        let route = state
            .retries
            .dead
            .route_of(id)
            .ok_or(ResubmitError::NotFound(id))?;
        if state.closed {
            let failed = state.supervisor.failed();
            let reason = if failed {
                RejectReason::Failed
            } else {
                RejectReason::ShuttingDown
            };
            return Err(ResubmitError::Refused(reason));
        }
        let lane = state.lane_for(route);
        if state.lanes[lane].len() >= self.capacity {
            return Err(ResubmitError::Refused(RejectReason::Full));
        }
        let Buried { mut job, .. } = state.retries.dead.take(id).expect("found above");
        state.metrics.submitted += 1;
        let new_id = state.push(lane, route, enqueued, |new_id| {
            job.rearm(new_id);
            (job, new_id)
        });
        let owed = state.monitor.owes_delivery();
        drop(state);
        self.signals[lane].not_empty.notify_one();
        if owed {
            self.deliver();
        }
        Ok(new_id)
    }
    // ANCHOR_END: resubmit
}

impl<B: Backend> Pool<B> {
    /// The dead-letter queue, oldest first: tasks with a retry policy that
    /// failed for good, with every attempt's error (see
    /// [`Self::submit_retrying`]; the example is [`DeadLetter`]'s).
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        self.shared.state.lock().retries.dead.letters()
    }

    /// Runs a dead letter again, once what made it fail is fixed: it is
    /// queued as a new task (whose id this returns) with its attempts
    /// counted afresh and its history kept. Its value goes nowhere (its
    /// submitter has heard already); if it fails for good again it comes
    /// back to the dead-letter queue. Never waits: a full lane or a closed
    /// pool refuses it, and the letter stays.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
    /// use std::sync::Arc;
    /// use std::time::Duration;
    /// use executor::{Executor, RetryPolicy};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let policy = RetryPolicy::new(1, Duration::ZERO, Duration::ZERO).unwrap();
    /// let up = Arc::new(AtomicBool::new(false));
    /// let service = up.clone();
    /// let call = move || if service.load(Relaxed) { Ok(()) } else { Err("service down") };
    /// let first = pool.submit_retrying(&policy, call).unwrap();
    /// assert!(first.join().is_err()); // dead-lettered
    /// up.store(true, Relaxed); // the service is back
    /// let letter = pool.dead_letters().remove(0);
    /// pool.resubmit(letter.id).unwrap();
    /// pool.wait_idle().unwrap();
    /// assert!(pool.dead_letters().is_empty());
    /// assert_eq!(pool.metrics().completed, 1);
    /// ```
    pub fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        self.shared.resubmit(id)
    }
}

impl<B: Backend> PartitionedPool<B> {
    /// As [`Pool::dead_letters`]; each letter carries its key's hash.
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        self.pool.dead_letters()
    }

    /// As [`Pool::resubmit`]: the letter goes back to its key's lane,
    /// behind the key's tasks queued since.
    pub fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        self.pool.resubmit(id)
    }
}
