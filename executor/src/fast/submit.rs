//! Submitting to a fast pool: with a handle or without, blocking while the
//! lane is full or failing fast; the key picks the lane of a partitioned
//! pool.

use super::{Core, FastPartitionedPool, FastPool};
use crate::TaskHandle;
use crate::error::{RejectReason, Rejected};
use crate::ring::PushError;
use crate::routing::{jump_hash, stable_hash};
use crate::sync::{Backend, Ordering, thread};
use crate::task::{Job, TaskId, detached, package};
use core::hash::Hash;

impl<B: Backend> Core<B> {
    // ANCHOR: fast_admit
    /// Queues `task` on `lane`, wrapped by `make` (with a handle or
    /// without), waiting for a slot if `wait`. Task ids are the ring
    /// positions, interleaved across lanes so they stay unique.
    pub(crate) fn admit<F, R>(
        &self,
        lane: usize,
        task: F,
        wait: bool,
        make: impl FnOnce(TaskId, F) -> (Box<dyn Job>, R),
    ) -> Result<R, Rejected<F>> {
        let lanes = self.lanes.len();
        let mut task = Some(task);
        let mut kept = None;
        let make = |position: usize| {
            let id = TaskId((position * lanes + lane) as u64);
            let (job, keep) = make(id, task.take().expect("made once"));
            kept = Some(keep);
            self.stamp(job)
        };
        // Try once without waiting: a full lane is the rare, slow path.
        let pushed = match self.push(lane, make, false) {
            // Waiting for room in a lane that only the caller serves would
            // wait for itself: fail fast instead of deadlocking.
            Err(PushError::Full(make)) if wait && !self.serves_alone(lane) => {
                self.push(lane, make, true)
            }
            other => other,
        };
        let reason = match pushed {
            Ok(()) => return Ok(kept.expect("made on success")),
            Err(PushError::Full(_)) => RejectReason::Full,
            Err(PushError::Closed(_)) => RejectReason::ShuttingDown,
        };
        // Relaxed: a statistic, ordered with nothing.
        self.rejected.fetch_add(1, Ordering::Relaxed);
        Err(Rejected {
            task: task.take().expect("unmade on failure"),
            reason,
        })
    }
    // ANCHOR_END: fast_admit

    /// Whether the calling thread is the only worker that takes tasks off
    /// `lane` (a partitioned pool's worker of that lane, or a shared pool's
    /// only worker).
    fn serves_alone(&self, lane: usize) -> bool {
        if !self.partitioned && self.own.len() > 1 {
            return false;
        }
        let me = thread::current_id::<B>();
        let ids = self.worker_ids.lock();
        // A shared pool's one worker serves every lane (and level).
        ids.iter()
            .take(self.own.len())
            .enumerate()
            .any(|(index, id)| *id == me && (!self.partitioned || index == lane))
    }
}

impl<B: Backend> FastPool<B> {
    // ANCHOR: fast_execute
    /// Runs `task` with no handle, waiting for a slot while the ring is
    /// full: the cheapest path (one allocation, no result slot). From
    /// inside a task of a one-worker pool, a full ring would wait for the
    /// caller itself: it fails fast with [`RejectReason::Full`] instead.
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(1, 8)?;
    /// pool.execute(|| println!("hello"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute<F>(&self, task: F) -> Result<(), Rejected<F>>
    where
        F: FnOnce() + Send + 'static,
    {
        self.core
            .admit(self.core.shared_lane(), task, true, |id, f| {
                detached::<B, F>(id, f, None)
            })
    }
    // ANCHOR_END: fast_execute

    /// Like [`execute`](Self::execute), but a full ring hands the task back
    /// at once with [`RejectReason::Full`].
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(1, 8)?;
    /// assert!(pool.try_execute(|| ()).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_execute<F>(&self, task: F) -> Result<(), Rejected<F>>
    where
        F: FnOnce() + Send + 'static,
    {
        self.core
            .admit(self.core.shared_lane(), task, false, |id, f| {
                detached::<B, F>(id, f, None)
            })
    }

    /// Runs `task` and returns a handle to its result, waiting for a slot
    /// while the ring is full.
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(2, 8)?;
    /// assert_eq!(pool.submit(|| 1 + 1)?.join()?, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit<F, T>(&self, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.core
            .admit(self.core.shared_lane(), task, true, |id, f| {
                package(id, f, None)
            })
    }

    /// Like [`submit`](Self::submit), failing fast when the ring is full.
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(1, 8)?;
    /// assert_eq!(pool.try_submit(|| 3)?.join()?, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_submit<F, T>(&self, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.core
            .admit(self.core.shared_lane(), task, false, |id, f| {
                package(id, f, None)
            })
    }
}

impl<B: Backend> FastPartitionedPool<B> {
    /// The worker (and lane) that owns `key`: the same for the pool's
    /// whole life, so a stuck task's report names which keys it holds up.
    ///
    /// ```
    /// use executor::FastPartitionedExecutor;
    /// let pool = FastPartitionedExecutor::new(4, 8)?;
    /// assert_eq!(pool.worker_for(&"user-1"), pool.worker_for(&"user-1"));
    /// assert!(pool.worker_for(&"user-1") < 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn worker_for<K: Hash + ?Sized>(&self, key: &K) -> usize {
        jump_hash(stable_hash(key), self.pool.core.lanes.len())
    }

    /// Runs `task` with no handle after every earlier task of `key`,
    /// waiting for a slot in the key's lane while it is full.
    ///
    /// ```
    /// use executor::FastPartitionedExecutor;
    /// let pool = FastPartitionedExecutor::new(2, 8)?;
    /// pool.execute(&"user-1", || println!("first"))?;
    /// pool.execute(&"user-1", || println!("second"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute<K, F>(&self, key: &K, task: F) -> Result<(), Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() + Send + 'static,
    {
        let lane = self.worker_for(key);
        self.pool
            .core
            .admit(lane, task, true, |id, f| detached::<B, F>(id, f, None))
    }

    /// Runs `task` after every earlier task of `key`, with a handle.
    ///
    /// ```
    /// use executor::FastPartitionedExecutor;
    /// let pool = FastPartitionedExecutor::new(2, 8)?;
    /// assert_eq!(pool.submit(&7u64, || "seven")?.join()?, "seven");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit<K, F, T>(&self, key: &K, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.submit_to(key, task, true)
    }

    /// Like [`submit`](Self::submit), failing fast when the key's lane is
    /// full.
    ///
    /// ```
    /// use executor::FastPartitionedExecutor;
    /// let pool = FastPartitionedExecutor::new(1, 8)?;
    /// assert_eq!(pool.try_submit(&"k", || 1)?.join()?, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_submit<K, F, T>(&self, key: &K, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.submit_to(key, task, false)
    }

    /// Submits with a handle to `key`'s lane, waiting for a slot if `wait`.
    fn submit_to<K, F, T>(
        &self,
        key: &K,
        task: F,
        wait: bool,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        K: Hash + ?Sized,
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let lane = self.worker_for(key);
        self.pool
            .core
            .admit(lane, task, wait, |id, f| package(id, f, None))
    }
}
