//! Counters kept under the pool's one lock, so every snapshot is consistent:
//! the accounting invariant holds in each one, not just eventually.

// ANCHOR: metrics_struct
/// A consistent snapshot of the pool's accounting.
///
/// Invariants, true of every snapshot:
/// - `submitted = accepted + rejected + waiting`
/// - `accepted = completed + failed + cancelled + discarded + dead_lettered
///   + queued + delayed + running`
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(1).build().unwrap();
/// pool.submit(|| ()).unwrap().join().unwrap();
/// let m = pool.metrics();
/// assert!(m.is_consistent());
/// assert_eq!((m.accepted, m.completed), (1, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Metrics {
    /// Every call that offered a task.
    pub submitted: u64,
    /// Tasks the pool took responsibility for.
    pub accepted: u64,
    /// Tasks handed back to the caller (full or shutting down).
    pub rejected: u64,
    /// Submitters blocked now, waiting for a free slot (the block policy,
    /// or `submit_timeout`): submitted, not yet accepted nor rejected. A
    /// direct measure of backpressure on the callers.
    pub waiting: u64,
    /// Tasks that ran and returned.
    pub completed: u64,
    /// Tasks that ran and panicked (or, with a retry policy, failed for
    /// good: those are `dead_lettered` instead).
    pub failed: u64,
    /// Tasks removed unstarted by `shutdown_now`.
    pub cancelled: u64,
    /// Tasks evicted unstarted by the discard-oldest policy.
    pub discarded: u64,
    /// Tasks waiting in the queue now.
    pub queued: u64,
    /// Tasks running now (on workers, or on callers under caller-runs).
    pub running: u64,
    /// Of the accepted tasks, how many ran on the submitting thread.
    pub caller_ran: u64,
    /// Retries waiting out their backoff now (accepted work, off the queue).
    pub delayed: u64,
    /// Failed attempts that were given another (a count of attempts, not
    /// of tasks).
    pub retried: u64,
    /// Tasks with a retry policy that failed for good, into the
    /// dead-letter queue.
    pub dead_lettered: u64,
    /// Dead letters pushed out of the full dead-letter queue, oldest first.
    pub dead_letters_dropped: u64,
}
// ANCHOR_END: metrics_struct

// ANCHOR: accounting_invariant
impl Metrics {
    /// Whether both accounting invariants hold.
    pub fn is_consistent(&self) -> bool {
        self.submitted == self.accepted + self.rejected + self.waiting
            && self.accepted
                == self.completed
                    + self.failed
                    + self.cancelled
                    + self.discarded
                    + self.dead_lettered
                    + self.queued
                    + self.delayed
                    + self.running
    }
}
// ANCHOR_END: accounting_invariant

// ANCHOR: lane_metrics
/// One lane of a partitioned pool (the one lane of a shared pool).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LaneMetrics {
    /// Tasks waiting in this lane now.
    pub depth: u64,
    /// Tasks ever accepted onto this lane.
    pub accepted: u64,
    /// Tasks of this lane that finished running (completed or panicked).
    pub finished: u64,
    /// Whether a worker serves this lane now.
    pub served: bool,
    /// Whether new keys are routed here (false once a resize retired it).
    pub active: bool,
}
// ANCHOR_END: lane_metrics

/// A consistent snapshot of a partitioned pool: the totals and every lane,
/// taken under one lock.
///
/// ```
/// use executor::PartitionMetrics;
/// let m = PartitionMetrics::default();
/// assert!(m.hot_lanes(10).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartitionMetrics {
    /// The pool's totals.
    pub total: Metrics,
    /// Each lane, by index (worker `i` serves lane `i`).
    pub lanes: Vec<LaneMetrics>,
}

// ANCHOR: hot_lanes
impl PartitionMetrics {
    /// Lanes whose queue is deeper than `threshold`: a hot partition. It
    /// looks at *each* lane, not the average: one overloaded worker next to
    /// idle ones averages out to "fine" while its keys wait.
    pub fn hot_lanes(&self, threshold: u64) -> Vec<usize> {
        self.lanes
            .iter()
            .enumerate()
            .filter(|(_, lane)| lane.depth > threshold)
            .map(|(index, _)| index)
            .collect()
    }
}
// ANCHOR_END: hot_lanes
