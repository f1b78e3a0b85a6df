//! What `submit` does when the queue is full: the backpressure response.

// ANCHOR: rejection_policy
/// The response to a full queue, used by [`Pool::submit`](crate::Pool::submit).
/// `try_submit` always fast-fails and `submit_timeout` always waits, whatever
/// the policy.
///
/// ```
/// use executor::{Executor, RejectionPolicy};
/// let pool = Executor::builder()
///     .policy(RejectionPolicy::CallerRuns)
///     .build()
///     .unwrap();
/// assert_eq!(pool.submit(|| 1 + 1).unwrap().join(), Ok(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RejectionPolicy {
    /// Wait for a free slot: backpressure by slowing the producer down.
    /// Unbounded waiting cascades upstream; prefer `submit_timeout` at the
    /// edge of a system.
    #[default]
    Block,
    /// Hand the task straight back with [`RejectReason::Full`](crate::RejectReason::Full):
    /// fast-fail, the HTTP 503 analogue.
    Abort,
    /// Run the task on the submitting thread: the producer slows down by
    /// doing the work itself. Such a task belongs to that thread, not to the
    /// pool's workers: it is counted in `running` while it runs, but
    /// termination (`shutdown`, `await_termination`, `is_terminated`) is
    /// about the workers only, so a caller-run task may still be running
    /// after the pool has terminated.
    CallerRuns,
    /// Evict the oldest queued task (its handle resolves as
    /// [`TaskError::Discarded`](crate::TaskError::Discarded)) and queue the
    /// new one: for work where fresh beats complete.
    DiscardOldest,
}
// ANCHOR_END: rejection_policy
