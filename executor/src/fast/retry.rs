//! Retries and dead letters on the fast core, kept off the path of a task
//! that succeeds.
//!
//! A failed attempt never goes back through a ring: the worker that ran it
//! keeps it ([`Held`](super::held::Held)) and runs it again itself once
//! its backoff is over, so a retry cannot find its ring full, cannot run
//! beside its own previous attempt, and costs the other tasks nothing. The
//! only shared state is the [`Book`]: the retry budget, the dead letters
//! and their counts, behind a lock taken only when an attempt fails, a
//! task is dead-lettered or resubmitted, or someone reads it.
//!
//! The budget earns lazily: rather than count every accepted task under
//! the lock (a cost on every task), a failed attempt earns, at once, the
//! share of every task the rings accepted since the last one asked.

use super::held::Held;
use super::{Core, FastPartitionedPool, FastPool};
use crate::dead_letter::{Attempt, Buried, DeadLetter, DeadLetters, DeadReason};
use crate::error::{RejectReason, Rejected, ResubmitError, TaskError};
use crate::handle::TaskHandle;
use crate::retry::{Budget, KeyOrder, RetryPolicy, RetrySettings};
use crate::retry_job::{Failure, Verdict, retrying};
use crate::ring::PushError;
use crate::routing::stable_hash;
use crate::sync::{Backend, Mutex};
use crate::task::{Job, TaskId, drop_quietly, run_quietly};
use core::fmt::Display;
use core::hash::Hash;
use core::time::Duration;

/// What a fast pool shares about retries, under one lock that a task which
/// succeeds never takes.
pub(crate) struct Retries<B: Backend> {
    book: Mutex<B, Book>,
    /// Partitioned pools: whether a retry holds its lane (see
    /// [`KeyOrder`]).
    pub(crate) key_order: KeyOrder,
}

/// The budget, the dead letters, and the counts that change with them.
struct Book {
    budget: Budget,
    /// How many accepted tasks the budget has earned for so far.
    earned_for: u64,
    /// Each letter goes back to the lane it ran on.
    dead: DeadLetters<usize>,
    retried: u64,
    dead_lettered: u64,
    dropped: u64,
    /// Retries kept by workers, waiting out their backoff.
    delayed: u64,
}

/// What [`FastPool::metrics`] reads from the book.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RetryCounts {
    pub(crate) retried: u64,
    pub(crate) dead_lettered: u64,
    pub(crate) dropped: u64,
    pub(crate) delayed: u64,
}

impl<B: Backend> Retries<B> {
    pub(crate) fn new(settings: RetrySettings) -> Self {
        Self {
            book: Mutex::new(Book {
                budget: Budget::new(settings.budget),
                earned_for: 0,
                dead: DeadLetters::new(settings.dead_letters),
                retried: 0,
                dead_lettered: 0,
                dropped: 0,
                delayed: 0,
            }),
            key_order: settings.key_order,
        }
    }

    pub(crate) fn counts(&self) -> RetryCounts {
        let book = self.book.lock();
        RetryCounts {
            retried: book.retried,
            dead_lettered: book.dead_lettered,
            dropped: book.dropped,
            delayed: book.delayed,
        }
    }

    /// A kept retry is about to run again: it is no longer delayed.
    pub(crate) fn resumed(&self) {
        self.book.lock().delayed -= 1;
    }
}

impl<B: Backend> Core<B> {
    // ANCHOR: fast_failed_attempt
    /// Task `job` failed an attempt on `lane`: keep it
    /// in `held` until its backoff ends (at once if the pool is closing: a
    /// graceful shutdown does not wait out backoffs), or bury it, counted
    /// before its handle hears. Called by the worker that ran it, after
    /// the run: the retry exists only once the attempt has returned.
    #[cold]
    pub(crate) fn failed_attempt(
        &self,
        mut job: Box<dyn Job>,
        failure: Failure,
        lane: usize,
        held: &mut Held,
    ) {
        let now = self.retry_now();
        job.record(Attempt {
            number: failure.attempt,
            error: failure.error,
            panicked: failure.panicked,
            ended: now,
        });
        let accepted = self.accepted();
        let mut book = self.retries.book.lock();
        let reason = match failure.verdict {
            Verdict::Exhausted => DeadReason::Exhausted,
            Verdict::NotRetryable => DeadReason::NotRetryable,
            Verdict::Retry(delay) => {
                let earned = accepted - book.earned_for;
                book.earned_for = accepted;
                book.budget.earn_for(earned);
                if book.budget.spend() {
                    book.retried += 1;
                    book.delayed += 1;
                    drop(book);
                    let closing = self.lanes[lane].ring.is_closed();
                    let due = if closing { now } else { now + delay };
                    held.keep(due, job);
                    return;
                }
                DeadReason::BudgetSpent
            }
        };
        // Counted before the handle hears, so a joiner sees the count.
        book.dead_lettered += 1;
        let id = job.id();
        let attempts = job.history().to_vec();
        let why = TaskError::DeadLettered {
            id,
            reason,
            attempts: attempts.len() as u32,
            error: attempts.last().map(|a| a.error.clone()).unwrap_or_default(),
        };
        let resolved = job.cancel(why);
        let letter = DeadLetter {
            id,
            key: job.key(),
            reason,
            attempts,
        };
        let pushed_out = book.dead.bury(Buried {
            letter,
            job,
            route: lane,
        });
        book.dropped += u64::from(pushed_out.is_some());
        drop(book);
        // User code (a value's or a closure's drop) runs outside the lock.
        run_quietly(resolved);
        drop_quietly(pushed_out.map(|b| b.job));
    }
    // ANCHOR_END: fast_failed_attempt

    /// The time retries are scheduled on: the pool's clock if it keeps
    /// one, the backend's otherwise (which stands still under the model
    /// checkers, so there a backoff ends only when the pool closes).
    pub(crate) fn retry_now(&self) -> Duration {
        self.clock.as_ref().map_or_else(B::now, |clock| clock.now())
    }

    /// Tasks every ring has accepted, ever.
    fn accepted(&self) -> u64 {
        self.lanes.iter().map(|l| l.ring.accepted() as u64).sum()
    }

    /// Takes task `id`'s letter out and queues it again on its lane, as a
    /// new task, without waiting; a full or closed lane leaves it where it
    /// was.
    fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        let mut book = self.retries.book.lock();
        let lane = book.dead.route_of(id).ok_or(ResubmitError::NotFound(id))?;
        let lanes = self.lanes.len();
        let mut letter = book.dead.take(id);
        let mut new_id = id;
        // The book's lock is held across the push, which never waits, so
        // no other letter can take this one's place meanwhile.
        let pushed = self.push(
            lane,
            |position| {
                let Buried { mut job, .. } = letter.take().expect("made once");
                new_id = TaskId((position * lanes + lane) as u64);
                job.rearm(new_id);
                job
            },
            false,
        );
        let reason = match pushed {
            Ok(()) => return Ok(new_id),
            Err(PushError::Full(_)) => RejectReason::Full,
            Err(PushError::Closed(_)) => RejectReason::ShuttingDown,
        };
        let letter = letter.expect("unmade on failure");
        let back = book.dead.bury(letter);
        debug_assert!(back.is_none(), "its own place was free");
        Err(ResubmitError::Refused(reason))
    }
}

impl<B: Backend> FastPool<B> {
    // ANCHOR: fast_submit_retrying
    /// Submits a task that may fail and be retried by `policy`, waiting
    /// for a slot while the ring is full. The worker that runs a failed
    /// attempt keeps the task and runs it again once its backoff is over
    /// (serving the ring meanwhile), so a retry never queues behind new
    /// work nor waits for a slot. The handle gives the value, or
    /// [`TaskError::DeadLettered`] once it fails for good (out of
    /// attempts, not retryable, or the pool's
    /// [`RetryBudget`](crate::RetryBudget) spent): it then waits in
    /// [`Self::dead_letters`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{FastExecutor, RetryPolicy, TaskError};
    /// let pool = FastExecutor::new(2, 8)?;
    /// // Only timeouts are worth another go; two tries in all.
    /// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::from_millis(10))?
    ///     .when(|e: &&str| *e == "timeout");
    /// let mut replies = vec![Ok(7), Err("timeout")];
    /// let answer = pool.submit_retrying(&policy, move || replies.pop().unwrap())?;
    /// assert_eq!(answer.join()?, 7); // the second try answered
    /// let refused = pool.submit_retrying(&policy, || Err::<u8, _>("bad request"))?;
    /// assert!(matches!(refused.join(), Err(TaskError::DeadLettered { attempts: 1, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit_retrying<F, T, E>(
        &self,
        policy: &RetryPolicy<E>,
        task: F,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnMut() -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Display + 'static,
    {
        let policy = *policy;
        self.core
            .admit(self.core.shared_lane(), task, true, |id, f| {
                retrying(id, f, None, None, policy)
            })
    }
    // ANCHOR_END: fast_submit_retrying

    /// The dead-letter queue, oldest first. A shared pool's letters have
    /// no `key`; a partitioned pool's carry their key's hash, kept by the
    /// task itself since a ring keeps none. A letter goes back to the
    /// lane it ran on.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{DeadReason, FastExecutor, RetryPolicy};
    /// let pool = FastExecutor::new(1, 8)?;
    /// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO)?;
    /// assert!(pool.submit_retrying(&policy, || Err::<(), _>("down"))?.join().is_err());
    /// let letters = pool.dead_letters();
    /// assert_eq!((letters[0].reason, letters[0].attempts.len()), (DeadReason::Exhausted, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        self.core.retries.book.lock().dead.letters()
    }

    /// Runs a dead letter again, as a new task (whose id this returns)
    /// with its attempts counted afresh and its history kept; its value
    /// goes nowhere, since its submitter has heard. Never waits: a full
    /// or closed lane refuses it, and the letter stays.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
    /// use std::sync::Arc;
    /// use std::time::Duration;
    /// use executor::{FastExecutor, RetryPolicy};
    /// let pool = FastExecutor::new(1, 8)?;
    /// let policy = RetryPolicy::new(1, Duration::ZERO, Duration::ZERO)?;
    /// let up = Arc::new(AtomicBool::new(false));
    /// let service = up.clone();
    /// let call = move || if service.load(Relaxed) { Ok(()) } else { Err("down") };
    /// assert!(pool.submit_retrying(&policy, call)?.join().is_err());
    /// up.store(true, Relaxed); // the service is back
    /// pool.resubmit(pool.dead_letters()[0].id)?;
    /// pool.shutdown()?;
    /// assert!(pool.dead_letters().is_empty());
    /// assert_eq!(pool.metrics().completed, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        self.core.resubmit(id)
    }
}

impl<B: Backend> FastPartitionedPool<B> {
    /// As [`FastPool::submit_retrying`], for `key`. A fast pool keeps no
    /// keys, so with [`KeyOrder::Hold`] (the default) a task waiting for a
    /// retry holds its whole lane: its worker runs nothing else until the
    /// retry succeeds or is dead-lettered, so the order of every key of
    /// that lane survives (the lane's other keys wait too, and a busy lane
    /// pushes back on its submitters). With [`KeyOrder::Pass`], the lane
    /// runs on and the retry runs when due.
    ///
    /// ```
    /// use std::sync::mpsc::channel;
    /// use std::time::Duration;
    /// use executor::{FastPartitionedExecutor, RetryPolicy};
    /// let pool = FastPartitionedExecutor::new(2, 8)?;
    /// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO)?;
    /// let (tx, rx) = channel();
    /// let (debits, credits) = (tx.clone(), tx);
    /// let mut tries = 0;
    /// pool.submit_retrying(&"acct-7", &policy, move || {
    ///     tries += 1;
    ///     debits.send(format!("debit, try {tries}")).unwrap();
    ///     if tries == 1 { Err("busy") } else { Ok(()) }
    /// })?;
    /// pool.execute(&"acct-7", move || credits.send("credit".to_string()).unwrap())?;
    /// pool.shutdown()?;
    /// let order: Vec<String> = rx.iter().collect();
    /// assert_eq!(order, ["debit, try 1", "debit, try 2", "credit"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit_retrying<K, F, T, E>(
        &self,
        key: &K,
        policy: &RetryPolicy<E>,
        task: F,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnMut() -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Display + 'static,
    {
        let policy = *policy;
        let lane = self.worker_for(key);
        // Kept by the task for its dead letter: the ring keeps no key.
        let hash = stable_hash(key);
        self.pool.core.admit(lane, task, true, |id, f| {
            retrying(id, f, None, Some(hash), policy)
        })
    }

    /// As [`FastPool::dead_letters`]; each letter names its key's hash.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{FastPartitionedExecutor, RetryPolicy, routing::stable_hash};
    /// let pool = FastPartitionedExecutor::new(2, 8)?;
    /// let policy = RetryPolicy::new(1, Duration::ZERO, Duration::ZERO)?;
    /// assert!(pool.submit_retrying(&"acct-7", &policy, || Err::<(), _>("down"))?.join().is_err());
    /// assert_eq!(pool.dead_letters()[0].key, Some(stable_hash(&"acct-7")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        self.pool.dead_letters()
    }

    /// As [`FastPool::resubmit`]: the letter goes back to its key's lane,
    /// behind the tasks queued there since.
    ///
    /// ```
    /// use executor::{FastPartitionedExecutor, ResubmitError, TaskId};
    /// let pool = FastPartitionedExecutor::new(1, 8)?;
    /// assert!(matches!(pool.resubmit(TaskId(9)), Err(ResubmitError::NotFound(_))));
    /// # Ok::<(), executor::BuildError>(())
    /// ```
    pub fn resubmit(&self, id: TaskId) -> Result<TaskId, ResubmitError> {
        self.pool.resubmit(id)
    }
}
