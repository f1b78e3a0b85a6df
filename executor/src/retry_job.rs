//! A task with a retry policy: a closure that may run more than once and
//! returns a `Result`. Each run is one attempt; the job judges how it
//! failed (retry after a backoff, out of attempts, not retryable) and hands
//! itself back to the pool, which decides under its lock (see `attempt`).

use crate::dead_letter::Attempt;
use crate::error::Rejected;
use crate::handle::TaskHandle;
use crate::lane::Priority;
use crate::partitioned::{PartitionedPool, route};
use crate::pool::Pool;
use crate::promise::{Origin, Promise, pair};
use crate::queue::Route;
use crate::retry::RetryPolicy;
use crate::submit::{admit, when_full};
use crate::sync::Backend;
use crate::task::{Ended, Job, Leftover, Outcome, Place, TaskId, drop_quietly, panic_message};
use core::fmt::Display;
use core::hash::Hash;
use core::time::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a failed attempt deserves, by the task's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Another attempt, after this backoff.
    Retry(Duration),
    /// That was the last attempt allowed.
    Exhausted,
    /// The policy does not retry this failure.
    NotRetryable,
}

/// A failed attempt, as the job reports it.
#[derive(Debug)]
pub(crate) struct Failure {
    /// 1 for the first attempt since it was submitted (or resubmitted).
    pub(crate) attempt: u32,
    pub(crate) error: String,
    pub(crate) panicked: bool,
    pub(crate) verdict: Verdict,
}

// ANCHOR: retrying_job
struct Retrying<B: Backend, F, T: Send + 'static, E> {
    f: F,
    policy: RetryPolicy<E>,
    /// None once the handle has heard (a dead letter resubmitted).
    promise: Option<Promise<B, T>>,
    id: TaskId,
    /// Attempts made since it was submitted or resubmitted.
    tried: u32,
    history: Vec<Attempt>,
    /// The hash of its key, kept for a dead letter by a fast pool.
    key: Option<u64>,
}

impl<B, F, T, E> Job for Retrying<B, F, T, E>
where
    B: Backend,
    F: FnMut() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Display + 'static,
{
    fn run(mut self: Box<Self>, account: &mut dyn FnMut(Ended)) -> Option<Leftover> {
        self.tried += 1;
        // AssertUnwindSafe: a closure that panicked runs again only if the
        // policy retries panics, which says the caller vouches for it.
        let result = catch_unwind(AssertUnwindSafe(|| (self.f)()));
        let (error, panicked, retryable) = match result {
            Ok(Ok(value)) => {
                account(Ended::Final(Outcome::Completed));
                return match self.promise.take() {
                    Some(mut promise) => promise.resolve(Ok(value)),
                    None => Some(Box::new(move || drop(value))),
                };
            }
            Ok(Err(error)) => {
                let (text, retryable) = self.judge(error);
                (text, false, retryable)
            }
            Err(payload) => {
                let message = panic_message(payload.as_ref());
                drop_quietly(payload);
                (message, true, self.policy.retries_panics())
            }
        };
        let attempt = self.tried;
        let verdict = if !retryable {
            Verdict::NotRetryable
        } else if attempt >= self.policy.attempts() {
            Verdict::Exhausted
        } else {
            Verdict::Retry(self.policy.delay(attempt, self.id.0))
        };
        let failure = Failure {
            attempt,
            error,
            panicked,
            verdict,
        };
        account(Ended::Failed(self, failure));
        None
    }

    fn cancel(&mut self, why: crate::TaskError) -> Option<Leftover> {
        self.promise
            .take()
            .and_then(|mut promise| promise.resolve(Err(why)))
    }

    fn id(&self) -> TaskId {
        self.id
    }

    fn record(&mut self, attempt: Attempt) {
        self.history.push(attempt);
    }

    fn history(&self) -> &[Attempt] {
        &self.history
    }

    fn rearm(&mut self, id: TaskId) {
        self.id = id;
        self.tried = 0;
    }

    fn key(&self) -> Option<u64> {
        self.key
    }
}
// ANCHOR_END: retrying_job

impl<B: Backend, F, T: Send + 'static, E: Display> Retrying<B, F, T, E> {
    /// The error's text and whether the policy retries it. Both are user
    /// code (`Display`, the classifier, the error's `Drop`): a panic in
    /// them makes the failure final rather than lose the task.
    fn judge(&self, error: E) -> (String, bool) {
        let judged = catch_unwind(AssertUnwindSafe(|| {
            (error.to_string(), self.policy.retryable(&error))
        }));
        drop_quietly(error);
        judged.unwrap_or_else(|payload| {
            let message = panic_message(payload.as_ref());
            drop_quietly(payload);
            (format!("judging the error panicked: {message}"), false)
        })
    }
}

/// Wraps `f` as a job with a retry policy and a fresh handle; `key` is
/// its key's hash where the queue does not keep it (a fast ring).
pub(crate) fn retrying<B, F, T, E>(
    id: TaskId,
    f: F,
    place: Place<'_, B>,
    key: Option<u64>,
    policy: RetryPolicy<E>,
) -> (Box<dyn Job>, TaskHandle<B, T>)
where
    B: Backend,
    F: FnMut() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Display + 'static,
{
    let origin = place.map(|(shared, lane)| Origin {
        shared: shared.clone(),
        lane,
    });
    let (promise, handle) = pair(id, origin);
    let job = Retrying {
        f,
        policy,
        promise: Some(promise),
        id,
        tried: 0,
        history: Vec::new(),
        key,
    };
    (Box::new(job), handle)
}

impl<B: Backend> Pool<B> {
    // ANCHOR: submit_retrying
    /// Submits a task that may fail and be retried by `policy`: it runs
    /// until it returns `Ok`, at most `policy.attempts()` times, backing
    /// off between attempts without holding a worker. Its handle gives the
    /// value, or [`TaskError::DeadLettered`](crate::TaskError::DeadLettered)
    /// once it fails for good (out of attempts, not retryable, or the
    /// pool's [`RetryBudget`](crate::RetryBudget) spent); the task then
    /// waits in [`Self::dead_letters`]. Admission is as [`Self::submit`]'s.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    /// use std::time::Duration;
    /// use executor::{Executor, RetryPolicy};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let policy = RetryPolicy::new(3, Duration::from_millis(1), Duration::from_millis(5)).unwrap();
    /// let calls = AtomicU32::new(0);
    /// let flaky = move || match calls.fetch_add(1, Relaxed) {
    ///     0 => Err("connection reset"),
    ///     n => Ok(n + 1),
    /// };
    /// assert_eq!(pool.submit_retrying(&policy, flaky).unwrap().join(), Ok(2));
    /// assert_eq!(pool.metrics().retried, 1);
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
        let when = when_full(self.shared.policy);
        let route = Route::Shared(Priority::Normal);
        admit(&self.shared, route, task, when, |id, f, place| {
            retrying(id, f, place, None, policy)
        })
    }
    // ANCHOR_END: submit_retrying
}

impl<B: Backend> PartitionedPool<B> {
    /// As [`Pool::submit_retrying`], for `key`: by default the key's later
    /// tasks wait while this one waits for a retry, so per-key order
    /// survives retries (see [`KeyOrder`](crate::KeyOrder)).
    ///
    /// ```
    /// use std::sync::mpsc::channel;
    /// use std::time::Duration;
    /// use executor::{Executor, RetryPolicy};
    /// let pool = Executor::builder().workers(2).build_partitioned().unwrap();
    /// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
    /// let (tx, rx) = channel();
    /// let (debits, credits) = (tx.clone(), tx);
    /// let mut tries = 0;
    /// pool.submit_retrying(&"acct-7", &policy, move || {
    ///     tries += 1;
    ///     debits.send(format!("debit, try {tries}")).unwrap();
    ///     if tries == 1 { Err("busy") } else { Ok(()) }
    /// })
    /// .unwrap();
    /// pool.submit(&"acct-7", move || credits.send("credit".to_string()).unwrap()).unwrap();
    /// pool.shutdown().unwrap();
    /// let order: Vec<String> = rx.iter().collect();
    /// assert_eq!(order, ["debit, try 1", "debit, try 2", "credit"]);
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
        let when = when_full(self.pool.shared.policy);
        admit(&self.pool.shared, route(key), task, when, |id, f, place| {
            retrying(id, f, place, None, policy)
        })
    }
}
