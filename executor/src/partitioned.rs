//! The partitioned pool: per-key ordering by routing every task of a key to
//! the same worker's own queue.
//!
//! | | shared queue ([`Pool`]) | partitioned ([`PartitionedPool`]) |
//! |---|---|---|
//! | ordering | none between tasks | FIFO per key; keys in parallel |
//! | load balance | automatic: any idle worker takes the next task | by key hash: a hot key overloads one worker while others idle |
//! | complexity | one queue, one lock | a lane per worker, routing, resize with draining |
//! | use when | tasks are independent | tasks of one entity (user, account, order) must not overtake each other |
//!
//! **The ordering guarantee, precisely.** Tasks of one key start in the
//! order their submissions were *admitted* (the moment `submit` takes the
//! pool's lock and queues the task). So for one submitting thread, tasks of
//! a key start, and finish, in the order it submitted them: each lane has
//! one worker running one task at a time. Two threads submitting the same
//! key at the same time are ordered by whichever is admitted first, which
//! neither can predict: if their order matters, they must agree on it
//! before submitting. A panicking task fails alone; the tasks behind it run
//! next, in order. A resize keeps the guarantee: a key whose worker changes
//! keeps following its old worker until every task of it there is done.

use crate::cancellation::CancelSignal;
use crate::error::{LifecycleError, Rejected, ResizeError};
use crate::handle::TaskHandle;
use crate::health::Health;
use crate::latency::Latency;
use crate::metrics::{LaneMetrics, Metrics, PartitionMetrics};
use crate::observe::PressureSnapshot;
use crate::pool::Pool;
use crate::queue::Route;
use crate::routing::stable_hash;
use crate::shutdown::ShutdownReport;
use crate::submit::{WhenFull, admit, when_full};
use crate::supervise::{InFlight, Supervision};
use crate::sync::Backend;
use crate::task::{Unstarted, detached, package};
use core::hash::Hash;
use core::time::Duration;

/// A pool with one bounded queue per worker and tasks routed by key.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(4).build_partitioned().unwrap();
/// // Every task of "alice" runs on one worker, in submission order.
/// let handles: Vec<_> = (0..3)
///     .map(|step| pool.submit(&"alice", move || step).unwrap())
///     .collect();
/// let steps: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
/// assert_eq!(steps, vec![0, 1, 2]);
/// println!("alice is served by worker {}", pool.worker_for(&"alice"));
/// pool.shutdown().unwrap();
/// ```
pub struct PartitionedPool<B: Backend> {
    pub(crate) pool: Pool<B>,
}

impl<B: Backend> PartitionedPool<B> {
    pub(crate) fn new(pool: Pool<B>) -> Self {
        Self { pool }
    }

    // ANCHOR: keyed_submit
    /// Submits `task` for `key`, applying the pool's policy if the key's
    /// lane is full (by default: wait). The task comes back if refused.
    pub fn submit<K, F, T>(&self, key: &K, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let when = when_full(self.pool.shared.policy);
        admit(&self.pool.shared, route(key), task, when, package)
    }
    // ANCHOR_END: keyed_submit

    /// Submits without blocking: a full lane or a shutdown hands the task
    /// straight back.
    pub fn try_submit<K, F, T>(&self, key: &K, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        admit(
            &self.pool.shared,
            route(key),
            task,
            WhenFull::Reject,
            package,
        )
    }

    /// Waits up to `timeout` for room in the key's lane (never fires under
    /// the model checkers; nothing relies on it firing).
    pub fn submit_timeout<K, F, T>(
        &self,
        key: &K,
        task: F,
        timeout: Duration,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let deadline = B::now().saturating_add(timeout);
        admit(
            &self.pool.shared,
            route(key),
            task,
            WhenFull::Wait(Some(deadline)),
            package,
        )
    }

    // ANCHOR: submit_salted
    /// The hot-partition mitigation, opt-in: routes by `(key, salt)`, so a
    /// hot key's tasks spread over the workers its salts hash to. Only for
    /// keys whose tasks tolerate it: tasks with different salts of the same
    /// key have **no order** between them (same key and salt keep FIFO).
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(4).build_partitioned().unwrap();
    /// // Page views of a viral post: order does not matter, spread them.
    /// let handles: Vec<_> = (0..8_u64)
    ///     .map(|view| pool.submit_salted(&"post-1", view % 4, move || view).unwrap())
    ///     .collect();
    /// assert_eq!(handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>(), 28);
    /// ```
    pub fn submit_salted<K, F, T>(
        &self,
        key: &K,
        salt: u64,
        task: F,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.submit(&(key, salt), task)
    }
    // ANCHOR_END: submit_salted

    /// The worker (lane) that `key`'s next task would go to now: its old
    /// worker while a resize is draining it there, else its hash's owner.
    pub fn worker_for<K: Hash + ?Sized>(&self, key: &K) -> usize {
        self.pool.shared.state.lock().lane_for(route(key))
    }

    // ANCHOR: partition_metrics
    /// The totals and every lane, in one consistent snapshot.
    pub fn partition_metrics(&self) -> PartitionMetrics {
        let state = self.pool.shared.state.lock();
        let lanes = (0..state.lanes.len())
            .map(|lane| LaneMetrics {
                depth: state.lanes[lane].len() as u64,
                served: state.served[lane],
                active: lane < state.active,
                ..state.lane_counts[lane]
            })
            .collect();
        PartitionMetrics {
            total: state.metrics,
            lanes,
        }
    }
    // ANCHOR_END: partition_metrics

    /// Lanes deeper than `threshold` now (see [`PartitionMetrics::hot_lanes`]).
    pub fn hot_lanes(&self, threshold: u64) -> Vec<usize> {
        self.partition_metrics().hot_lanes(threshold)
    }

    /// The totals, as [`Pool::metrics`].
    pub fn metrics(&self) -> Metrics {
        self.pool.metrics()
    }

    /// The backpressure signal, each lane's with it, as [`Pool::pressure`];
    /// [`PressureSnapshot::hot_lanes`] names a hot partition.
    pub fn pressure(&self) -> PressureSnapshot {
        self.pool.pressure()
    }

    /// Latency percentiles of the pool and of each lane, as [`Pool::latency`].
    pub fn latency(&self) -> Option<Latency> {
        self.pool.latency()
    }

    /// Worker health and stuck tasks, as [`Pool::health`]: a stuck task
    /// holds up its lane, and the report says what waits behind it.
    pub fn health(&self, stuck_after: Duration) -> Health {
        self.pool.health(stuck_after)
    }

    /// Restarts and failure, as [`Pool::supervision`].
    pub fn supervision(&self) -> Supervision {
        self.pool.supervision()
    }

    /// The tasks running now, as [`Pool::in_flight`].
    pub fn in_flight(&self) -> Vec<InFlight> {
        self.pool.in_flight()
    }

    /// The pool's clock now, as [`Pool::now`].
    pub fn now(&self) -> Duration {
        self.pool.now()
    }

    /// Workers serving now (retiring ones included until they drain).
    pub fn workers(&self) -> usize {
        self.pool.workers()
    }

    /// Lanes that new keys are routed among.
    pub fn active_workers(&self) -> usize {
        self.pool.shared.state.lock().active
    }

    /// The capacity of each lane.
    pub fn capacity(&self) -> usize {
        self.pool.capacity()
    }

    /// Graceful shutdown of every partition, as [`Pool::shutdown`].
    pub fn shutdown(&self) -> Result<(), LifecycleError> {
        self.pool.shutdown()
    }

    /// Graceful shutdown with a deadline, as [`Pool::shutdown_timeout`].
    pub fn shutdown_timeout(&self, timeout: Duration) -> Result<ShutdownReport, LifecycleError> {
        self.pool.shutdown_timeout(timeout)
    }

    /// Immediate shutdown of every partition, as [`Pool::shutdown_now`].
    pub fn shutdown_now(&self) -> Vec<Unstarted> {
        self.pool.shutdown_now()
    }

    /// As [`Pool::await_termination`].
    pub fn await_termination(&self, timeout: Duration) -> Result<bool, LifecycleError> {
        self.pool.await_termination(timeout)
    }

    /// Whether shutdown has begun.
    pub fn is_shutdown(&self) -> bool {
        self.pool.is_shutdown()
    }

    /// Whether every worker has left its loop.
    pub fn is_terminated(&self) -> bool {
        self.pool.is_terminated()
    }

    /// Changes the number of workers to `workers` (at most the builder's
    /// `max_workers`). Keys move by jump consistent hashing, so only about
    /// `|new - old| / max(new, old)` of them change worker; a moved key's
    /// queued and running tasks finish on its old worker before any new
    /// task of it starts on the new one. Growing starts workers; shrinking
    /// retires the highest lanes, whose workers leave once drained. (As
    /// [`Pool::resize`], which holds the code.)
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).max_workers(8).build_partitioned().unwrap();
    /// pool.resize(8).unwrap();
    /// assert_eq!(pool.active_workers(), 8);
    /// pool.resize(1).unwrap();
    /// assert_eq!(pool.active_workers(), 1);
    /// ```
    pub fn resize(&self, workers: usize) -> Result<(), ResizeError> {
        self.pool.resize(workers)
    }

    /// Runs `task` for `key` without a handle, as [`Pool::execute`].
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).build_partitioned().unwrap();
    /// pool.execute(&"alice", || println!("in order for alice")).unwrap();
    /// pool.wait_idle().unwrap();
    /// ```
    pub fn execute<K, F>(&self, key: &K, task: F) -> Result<(), Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() + Send + 'static,
    {
        let when = when_full(self.pool.shared.policy);
        admit(&self.pool.shared, route(key), task, when, detached)
    }

    /// As [`Pool::wait_idle`]: every lane empty and nothing running.
    pub fn wait_idle(&self) -> Result<(), LifecycleError> {
        self.pool.wait_idle()
    }

    /// As [`Pool::wait_idle_timeout`].
    pub fn wait_idle_timeout(&self, timeout: Duration) -> Result<bool, LifecycleError> {
        self.pool.wait_idle_timeout(timeout)
    }

    /// As [`Pool::cancel_signal`].
    pub fn cancel_signal(&self) -> CancelSignal<B> {
        self.pool.cancel_signal()
    }

    /// The pool's name, as [`Pool::name`].
    pub fn name(&self) -> &str {
        self.pool.name()
    }
}

// ANCHOR: route
pub(crate) fn route<K: Hash + ?Sized>(key: &K) -> Route {
    Route::Key(stable_hash(key))
}
// ANCHOR_END: route

impl<B: Backend> core::fmt::Debug for PartitionedPool<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PartitionedPool")
            .field("pool", &self.pool)
            .finish()
    }
}
