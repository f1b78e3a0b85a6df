//! Shutting a fast pool down: close every ring (no push can succeed after
//! it), wake everyone parked, let the workers drain what was accepted, and
//! join them.

use super::{FastMetrics, FastPartitionedPool, FastPool};
use crate::error::{LifecycleError, TaskError};
use crate::ring::Pop;
use crate::sync::{Backend, Ordering, thread};
use crate::task::{Unstarted, drop_quietly, run_quietly};

impl<B: Backend> FastPool<B> {
    // ANCHOR: fast_shutdown
    /// Graceful shutdown: stop accepting, run every task already accepted,
    /// join the workers. Calling it again is harmless, and two callers at
    /// once both return only once every worker has left. From inside one of
    /// the pool's tasks it starts the shutdown, cannot wait for it, and
    /// returns [`LifecycleError::FromWorker`].
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(2, 8)?;
    /// let h = pool.submit(|| 1)?;
    /// pool.shutdown()?;
    /// assert_eq!(h.join()?, 1); // accepted before the shutdown, so it ran
    /// assert!(pool.execute(|| ()).is_err()); // nothing after it
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown(&self) -> Result<(), LifecycleError> {
        self.close();
        self.refuse_if_worker()?;
        // The lock is held across the joins: a second caller waits on it
        // until the first has joined every worker, so it too returns only
        // once every accepted task has run (and then finds none to join).
        let mut threads = self.workers.lock();
        for (index, worker) in threads.drain(..).enumerate() {
            if index == self.core.own.len() {
                // Every worker has left: the watcher takes its last look.
                self.stop_watch();
            }
            // A worker's own code catches every panic of user code; a join
            // error would be a bug of ours, and has nobody to go to.
            if let Err(payload) = worker.join() {
                drop_quietly(payload);
            }
        }
        Ok(())
    }
    // ANCHOR_END: fast_shutdown

    // ANCHOR: fast_shutdown_now
    /// Immediate shutdown: stop accepting and take every task that has
    /// not started off the rings, racing the workers for them (each task
    /// goes to one side: it runs, or it comes back here). The handles of
    /// the tasks taken resolve as [`TaskError::Cancelled`]. Running tasks
    /// go on until they return, and so do retries their workers keep (the
    /// fast core has no cancel signal; [`Self::health`] names what runs,
    /// with its start time). Does not wait, so it is safe from inside a
    /// task: follow with [`Self::shutdown`] to join.
    ///
    /// ```
    /// use executor::{FastExecutor, TaskError};
    /// let pool = FastExecutor::new(1, 8)?;
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap())?;
    /// # while pool.metrics().queued != 0 { std::thread::yield_now(); }
    /// let queued = pool.submit(|| "never")?;
    /// let id = queued.id();
    /// let unstarted = pool.shutdown_now();
    /// assert_eq!(unstarted.iter().map(|t| t.id()).collect::<Vec<_>>(), [id]);
    /// assert_eq!(queued.join(), Err(TaskError::Cancelled(id)));
    /// tx.send(())?;
    /// pool.shutdown()?;
    /// busy.join()?;
    /// assert_eq!((pool.metrics().completed, pool.metrics().cancelled), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown_now(&self) -> Vec<Unstarted> {
        self.close();
        let mut taken = Vec::new();
        for lane in &self.core.lanes {
            // Empty also while a push that won its place before the close
            // is still publishing: a worker takes and runs that one.
            while let Pop::Item(job) = lane.ring.pop() {
                taken.push(job);
            }
        }
        // Release: a snapshot that reads this count (Acquire) before the
        // rings' accepted counts sees these tasks accepted (see
        // `FastMetrics`). Counted before the handles resolve, so a joiner
        // that then reads the metrics sees it.
        self.core
            .cancelled
            .fetch_add(taken.len() as u64, Ordering::Release);
        taken
            .into_iter()
            .map(|mut job| {
                let id = job.id();
                run_quietly(job.cancel(TaskError::Cancelled(id)));
                Unstarted::new(job)
            })
            .collect()
    }
    // ANCHOR_END: fast_shutdown_now

    /// Tells the pressure watcher, if any, to take its last look and leave.
    fn stop_watch(&self) {
        if let Some(watch) = &self.core.watch {
            watch.stop();
        }
    }

    /// Stops accepting and wakes every parked worker and submitter.
    pub(crate) fn close(&self) {
        for lane in &self.core.lanes {
            lane.close();
        }
        // A prioritized pool's workers park at the first level's lane,
        // which was closed (and woken) before the others: wake them again
        // now that every level is closed, or they would sleep on.
        self.core.idle(0).wake_all();
    }

    /// Whether shutdown has started.
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(1, 8)?;
    /// pool.shutdown()?;
    /// assert!(pool.is_shutdown());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_shutdown(&self) -> bool {
        self.core.lanes[0].ring.is_closed()
    }

    /// The counters (see [`FastMetrics`] for what a snapshot promises).
    ///
    /// ```
    /// use executor::FastExecutor;
    /// let pool = FastExecutor::new(1, 8)?;
    /// pool.submit(|| ())?.join()?;
    /// assert_eq!(pool.metrics().completed, 1); // exact once joined
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn metrics(&self) -> FastMetrics {
        let retries = self.core.retries.counts();
        let mut metrics = FastMetrics {
            dead_lettered: retries.dead_lettered,
            retried: retries.retried,
            delayed: retries.delayed,
            dead_letters_dropped: retries.dropped,
            ..FastMetrics::default()
        };
        // Finished counts first, accepted after: see `FastMetrics`. (The
        // retry counts were read under the book's lock, which a dead
        // letter is counted under after its acceptance.)
        for own in &self.core.own {
            let (completed, failed) = own.0.counters.read();
            metrics.completed += completed;
            metrics.failed += failed;
        }
        // Acquire: pairs with `shutdown_now`'s Release, like the workers'.
        metrics.cancelled = self.core.cancelled.load(Ordering::Acquire);
        for lane in &self.core.lanes {
            metrics.accepted += lane.ring.accepted() as u64;
            metrics.queued += lane.ring.len() as u64;
        }
        // Relaxed: a statistic.
        metrics.rejected = self.core.rejected.load(Ordering::Relaxed);
        metrics
    }

    /// Err if the caller is one of this pool's workers.
    fn refuse_if_worker(&self) -> Result<(), LifecycleError> {
        let me = thread::current_id::<B>();
        if self.core.worker_ids.lock().contains(&me) {
            let thread = thread::current_name::<B>().unwrap_or_else(|| format!("{me:?}"));
            return Err(LifecycleError::FromWorker { thread });
        }
        Ok(())
    }
}

impl<B: Backend> FastPartitionedPool<B> {
    /// Graceful shutdown, as [`FastPool::shutdown`].
    ///
    /// ```
    /// use executor::FastPartitionedExecutor;
    /// let pool = FastPartitionedExecutor::new(2, 8)?;
    /// pool.execute(&1, || ())?;
    /// pool.shutdown()?;
    /// assert_eq!(pool.metrics().completed, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown(&self) -> Result<(), LifecycleError> {
        self.pool.shutdown()
    }

    /// The counters, summed over the lanes.
    pub fn metrics(&self) -> FastMetrics {
        self.pool.metrics()
    }

    /// Immediate shutdown, as [`FastPool::shutdown_now`].
    pub fn shutdown_now(&self) -> Vec<Unstarted> {
        self.pool.shutdown_now()
    }
}

// ANCHOR: fast_drop
/// Dropping the pool shuts it down gracefully (every accepted task runs).
/// Dropped inside one of its own tasks, or while panicking, it only closes.
impl<B: Backend> Drop for FastPool<B> {
    fn drop(&mut self) {
        if crate::sync::panicking() {
            self.close();
            self.stop_watch();
            return;
        }
        // Err only from a worker: the workers then end once drained.
        let _ = self.shutdown();
    }
}
// ANCHOR_END: fast_drop
