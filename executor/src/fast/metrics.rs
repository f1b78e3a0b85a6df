//! What a fast pool counts, without a lock: each worker its own counters,
//! each ring its own positions, summed when asked.

use crate::sync::{AtomicU64, Backend, Ordering};
use crate::task::Outcome;

// ANCHOR: fast_metrics
/// A snapshot of a fast pool's counters.
///
/// The counters are read one after the other, not under one lock, so a
/// snapshot taken while tasks run is not one instant. What still holds,
/// always: it never shows more tasks finished than accepted
/// (`finished() <= accepted`), because each finished count is read
/// (Acquire) before the accepted count, and a task is accepted before it
/// can finish. Once the pool is quiet (after every handle is joined, or
/// after `shutdown`), it is exact: `completed + failed + dead_lettered +
/// cancelled == accepted` and `queued == delayed == 0`.
///
/// ```
/// use executor::FastExecutor;
/// let pool = FastExecutor::new(2, 64)?;
/// for _ in 0..10 {
///     pool.execute(|| ())?;
/// }
/// pool.shutdown()?;
/// let m = pool.metrics();
/// assert_eq!((m.accepted, m.completed, m.queued), (10, 10, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FastMetrics {
    /// Tasks queued by a submit (ever).
    pub accepted: u64,
    /// Tasks that ran to completion.
    pub completed: u64,
    /// Tasks that panicked (isolated: the worker lives on).
    pub failed: u64,
    /// Tasks with a retry policy that failed for good, into the
    /// dead-letter queue (counted here, not as `failed`).
    pub dead_lettered: u64,
    /// Failed attempts that were given another (attempts, not tasks).
    pub retried: u64,
    /// Retries kept by their workers now, waiting out their backoff.
    pub delayed: u64,
    /// Tasks `shutdown_now` took off a ring before they started.
    pub cancelled: u64,
    /// Dead letters pushed out of the full dead-letter queue.
    pub dead_letters_dropped: u64,
    /// Submissions refused: the ring was full (fail-fast) or closed.
    pub rejected: u64,
    /// Tasks accepted and not yet taken by a worker.
    pub queued: u64,
}
// ANCHOR_END: fast_metrics

impl FastMetrics {
    /// Tasks that ran for the last time, whichever way they ended.
    pub fn finished(&self) -> u64 {
        self.completed + self.failed + self.dead_lettered + self.cancelled
    }

    /// Whether the guarantee above holds for this snapshot.
    ///
    /// ```
    /// use executor::FastMetrics;
    /// let m = FastMetrics { accepted: 3, completed: 2, failed: 1, ..Default::default() };
    /// assert!(m.is_consistent() && m.finished() == 3);
    /// ```
    pub fn is_consistent(&self) -> bool {
        self.finished() <= self.accepted
    }
}

/// One worker's counts. Only that worker writes them, so an increment is a
/// load and a store, not a read-modify-write.
pub(crate) struct Counters<B: Backend> {
    completed: AtomicU64<B>,
    failed: AtomicU64<B>,
}

impl<B: Backend> Counters<B> {
    pub(crate) fn new() -> Self {
        Self {
            completed: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        }
    }

    /// Counts one task's outcome (called by the counters' own worker).
    pub(crate) fn count(&self, outcome: Outcome) {
        let counter = match outcome {
            Outcome::Completed => &self.completed,
            Outcome::Panicked | Outcome::Failed => &self.failed,
        };
        // Relaxed: only this worker writes the counter, so it reads its own
        // last store. Release on the store: a snapshot that reads it
        // (Acquire) also sees the task's acceptance (see `FastMetrics`).
        counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Release);
    }

    /// `(completed, failed)`.
    pub(crate) fn read(&self) -> (u64, u64) {
        // Acquire (both): pairs with `count`'s Release, so the ring's
        // accepted count read after this covers every task counted here.
        (
            self.completed.load(Ordering::Acquire),
            self.failed.load(Ordering::Acquire),
        )
    }
}
