//! What the pool does as a run ends: account for it, and, for a failed
//! attempt of a task with a retry policy, either put it aside to run again
//! after its backoff or bury it in the dead-letter queue. All of it under
//! the one lock acquisition that ends the run, so a retry exists only
//! once its previous attempt has returned: never two attempts at once.

use crate::dead_letter::{Attempt, Buried, DeadLetter, DeadReason};
use crate::error::TaskError;
use crate::lane::Priority;
use crate::queue::{Entry, Mode, Ran, Route, Shared, State};
use crate::retry::KeyOrder;
use crate::retry_job::{Failure, Verdict};
use crate::sync::{Backend, MutexGuard};
use crate::task::{Ended, Job, Leftover, Outcome, TaskId, drop_quietly, run_quietly};
use core::time::Duration;

/// Where a task ran from: its lane, key hash and priority (to queue a
/// retry the same way).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub(crate) lane: usize,
    pub(crate) key: u64,
    pub(crate) priority: Priority,
}

impl<B: Backend> Shared<B> {
    // ANCHOR: account
    /// Accounts for the end of task `id`'s run, taking the lock; returns
    /// it held, with the outcome for the hooks and any user code owed
    /// (a dead letter's completion callback, a letter pushed out of a full
    /// dead-letter queue), to run once the lock is released.
    pub(crate) fn account(
        &self,
        id: TaskId,
        how: Ended,
        place: Placed,
        ran: Ran,
    ) -> (MutexGuard<'_, B, State>, Option<Outcome>, Option<Leftover>) {
        // A retry is scheduled on the real clock, kept or not.
        let now = matches!(how, Ended::Failed(..)).then(|| self.now());
        let mut state = self.state.lock();
        match how {
            Ended::Final(outcome) => {
                state.finish(id, outcome, place.lane, place.key, ran);
                (state, Some(outcome), None)
            }
            Ended::Failed(job, failure) => {
                let outcome = if failure.panicked {
                    Outcome::Panicked
                } else {
                    Outcome::Failed
                };
                let now = now.unwrap_or(ran.ended);
                let owed = state.failed_attempt(job, failure, place, ran, now);
                (state, Some(outcome), owed)
            }
        }
    }
    // ANCHOR_END: account
}

impl State {
    // ANCHOR: failed_attempt
    /// Task `job` failed an attempt: put it aside until its backoff ends
    /// (holding its key, if the pool keeps per-key order), or bury it.
    fn failed_attempt(
        &mut self,
        mut job: Box<dyn Job>,
        failure: Failure,
        place: Placed,
        ran: Ran,
        now: Duration,
    ) -> Option<Leftover> {
        let id = job.id();
        self.end_run(id, true, place.lane, ran);
        job.record(Attempt {
            number: failure.attempt,
            error: failure.error,
            panicked: failure.panicked,
            ended: ran.ended,
        });
        let reason = match failure.verdict {
            _ if self.halted => Some(DeadReason::Stopped),
            Verdict::Exhausted => Some(DeadReason::Exhausted),
            Verdict::NotRetryable => Some(DeadReason::NotRetryable),
            Verdict::Retry(_) if !self.retries.budget.spend() => Some(DeadReason::BudgetSpent),
            Verdict::Retry(_) => None,
        };
        match (reason, failure.verdict) {
            (None, Verdict::Retry(delay)) => {
                self.retry_later(job, place, now, delay);
                None
            }
            (reason, _) => self.bury(job, place, reason.unwrap_or(DeadReason::Exhausted)),
        }
    }

    /// Puts a retry aside until `now + delay` (at once if the pool is
    /// closing: a graceful shutdown does not wait out backoffs).
    fn retry_later(&mut self, job: Box<dyn Job>, place: Placed, now: Duration, delay: Duration) {
        self.metrics.retried += 1;
        self.metrics.delayed += 1;
        let due = if self.closed {
            now
        } else {
            now.saturating_add(delay)
        };
        let hold = self.mode == Mode::Partitioned && self.retries.key_order == KeyOrder::Hold;
        let entry = Entry {
            key: place.key,
            job,
            enqueued: due,
            priority: place.priority,
        };
        self.lanes[place.lane].delay(due, entry, hold);
        self.promote(place.lane, Some(now));
    }

    /// Buries task `job` in the dead-letter queue: its handle hears why,
    /// and its key, if held, lets its later tasks go.
    fn bury(
        &mut self,
        mut job: Box<dyn Job>,
        place: Placed,
        reason: DeadReason,
    ) -> Option<Leftover> {
        let id = job.id();
        self.metrics.dead_lettered += 1;
        self.release(place.key);
        self.lanes[place.lane].release(place.key, id);
        let attempts = job.history().to_vec();
        let last = attempts.last().map(|a| a.error.clone()).unwrap_or_default();
        let why = TaskError::DeadLettered {
            id,
            reason,
            attempts: attempts.len() as u32,
            error: last,
        };
        let resolved = job.cancel(why);
        let (key, route) = match self.mode {
            Mode::Partitioned => (Some(place.key), Route::Key(place.key)),
            Mode::Shared => (None, Route::Shared(place.priority)),
        };
        let letter = DeadLetter {
            id,
            key,
            reason,
            attempts,
        };
        let pushed_out = self.retries.dead.bury(Buried { letter, job, route });
        if pushed_out.is_some() {
            self.metrics.dead_letters_dropped += 1;
        }
        if resolved.is_none() && pushed_out.is_none() {
            return None;
        }
        Some(Box::new(move || {
            run_quietly(resolved);
            drop_quietly(pushed_out.map(|b| b.job));
        }))
    }
    // ANCHOR_END: failed_attempt

    // ANCHOR: promote
    /// Moves `lane`'s retries that are due onto the lane, reading the
    /// clock only if it has any, and wakes the lane's workers for them
    /// (the caller may be a submitter, or one worker of many); returns
    /// how long until the next one is due, if one is left.
    pub(crate) fn promote_due<B: Backend>(
        &mut self,
        lane: usize,
        shared: &Shared<B>,
    ) -> Option<Duration> {
        self.lanes[lane].backlog().next_due()?;
        let now = shared.now();
        if self.promote(lane, Some(now)) > 0 {
            shared.signals[lane].not_empty.notify_all();
        }
        let next = self.lanes[lane].backlog().next_due()?;
        Some(next.saturating_sub(now))
    }

    /// Moves `lane`'s retries due by `now` (every one, if none) onto it.
    pub(crate) fn promote(&mut self, lane: usize, now: Option<Duration>) -> usize {
        let moved = self.lanes[lane].promote(now);
        if moved > 0 {
            self.metrics.delayed -= moved as u64;
            self.metrics.queued += moved as u64;
            let at = now.unwrap_or(Duration::ZERO);
            self.depth_changed(lane, at);
        }
        moved
    }

    /// The pool is closing: every delayed retry is due now.
    pub(crate) fn promote_all(&mut self) {
        for lane in 0..self.lanes.len() {
            self.promote(lane, None);
        }
    }
    // ANCHOR_END: promote
}
