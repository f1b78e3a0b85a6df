//! Graceful and immediate shutdown, waiting for termination, and drop.
//!
//! Shutdown is an explicit wake-up, never a poll: closing sets the flag under
//! the lock and then notifies every idle worker and blocked submitter, so
//! each re-checks and sees it. (A worker polling `get(timeout=0.5)` would
//! also notice, half a second late; under a model checker, never.)

use crate::error::{LifecycleError, TaskError};
use crate::pool::Pool;
use crate::queue::State;
use crate::sync::Backend;
use crate::task::{TaskId, Unstarted, run_quietly};
use core::time::Duration;

impl<B: Backend> Pool<B> {
    /// Graceful shutdown: stop accepting, run every task already accepted,
    /// then join the workers. Calling it again is harmless.
    ///
    /// From inside one of the pool's own tasks it starts the shutdown but
    /// cannot wait for it (the caller is a worker) and returns
    /// [`LifecycleError::FromWorker`].
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).build().unwrap();
    /// let h = pool.submit(|| 1).unwrap();
    /// pool.shutdown().unwrap();
    /// assert_eq!(h.join(), Ok(1)); // accepted before shutdown, so it ran
    /// pool.shutdown().unwrap(); // twice is fine
    /// ```
    // ANCHOR: shutdown
    pub fn shutdown(&self) -> Result<(), LifecycleError> {
        self.close();
        self.refuse_if_worker()?;
        self.join_workers();
        Ok(())
    }
    // ANCHOR_END: shutdown

    /// Graceful shutdown with a deadline: stop accepting, then wait up to
    /// `timeout` for the accepted tasks to run and the workers to leave.
    /// A task that never returns cannot hold the caller past the deadline:
    /// the report then names the tasks still running (and counts those
    /// still queued), the [`cancel_signal`](Self::cancel_signal) is raised
    /// so running tasks that check it stop early, and the pool goes on
    /// shutting down in the background (`shutdown_now` takes the queued
    /// ones back; nothing can stop a running task from outside). The
    /// timeout only bounds the wait; under the model checkers it never
    /// fires.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let h = pool.submit(|| 1).unwrap();
    /// let report = pool.shutdown_timeout(Duration::from_secs(10)).unwrap();
    /// assert!(report.terminated && report.running.is_empty());
    /// assert_eq!(h.join(), Ok(1));
    /// ```
    // ANCHOR: shutdown_timeout
    pub fn shutdown_timeout(&self, timeout: Duration) -> Result<ShutdownReport, LifecycleError> {
        self.close();
        self.refuse_if_worker()?;
        if self.await_termination(timeout)? {
            self.join_workers(); // every worker has left: this returns at once
            return Ok(ShutdownReport {
                terminated: true,
                ..ShutdownReport::default()
            });
        }
        // Past the deadline: ask the running tasks to stop (they may check).
        self.cancel_running();
        let state = self.shared.state.lock();
        Ok(ShutdownReport {
            terminated: false,
            running: state.running.iter().copied().collect(),
            queued: state.metrics.queued,
        })
    }
    // ANCHOR_END: shutdown_timeout

    /// Immediate shutdown: stop accepting, take every task that has not
    /// started off the queue, and raise the [`cancel_signal`](Self::cancel_signal)
    /// for the running ones. The unstarted tasks' handles resolve as
    /// [`TaskError::Cancelled`]; running tasks go on until they return
    /// (those that check the signal return early). Does not
    /// wait (so it is safe from inside a task): follow with
    /// [`Self::shutdown`] or [`Self::await_termination`] to wait.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let unstarted = pool.shutdown_now();
    /// pool.shutdown().unwrap();
    /// let m = pool.metrics();
    /// assert_eq!(m.cancelled as usize, unstarted.len());
    /// ```
    // ANCHOR: shutdown_now
    pub fn shutdown_now(&self) -> Vec<Unstarted> {
        let now = self.shared.now();
        let mut state = self.shared.state.lock();
        state.closed = true;
        let jobs = state.take_all_queued(now);
        if state.is_idle() {
            self.shared.idle.notify_all();
        }
        let owed = state.monitor.owes_delivery();
        drop(state);
        self.cancel_running();
        self.shared.wake_all();
        if owed {
            self.shared.deliver();
        }
        jobs.into_iter()
            .map(|mut job| {
                let id = job.id();
                // A completion callback runs here, outside the lock.
                run_quietly(job.cancel(TaskError::Cancelled(id)));
                Unstarted::new(job)
            })
            .collect()
    }
    // ANCHOR_END: shutdown_now

    /// Waits until every worker has left its loop, or `timeout` passes;
    /// `Ok(true)` if terminated. Only meaningful after a shutdown has begun.
    /// Refused from inside one of the pool's own tasks.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder().build().unwrap();
    /// assert_eq!(pool.await_termination(Duration::ZERO), Ok(false));
    /// let _ = pool.shutdown_now();
    /// assert_eq!(pool.await_termination(Duration::from_secs(10)), Ok(true));
    /// ```
    // ANCHOR: await_termination
    pub fn await_termination(&self, timeout: Duration) -> Result<bool, LifecycleError> {
        self.wait_for(&self.shared.terminated, timeout, State::is_terminated)
    }
    // ANCHOR_END: await_termination

    /// Whether every worker has left its loop. (A task that the caller-runs
    /// policy ran on a submitting thread is not a worker's: it may still
    /// be running; see [`RejectionPolicy::CallerRuns`](crate::RejectionPolicy::CallerRuns).)
    pub fn is_terminated(&self) -> bool {
        self.shared.state.lock().is_terminated()
    }

    // ANCHOR: close_flag
    /// Stops admission and wakes every waiter to re-check.
    fn close(&self) {
        let mut state = self.shared.state.lock();
        let was_open = !core::mem::replace(&mut state.closed, true);
        // Accepted retries run now rather than wait out their backoffs.
        state.promote_all();
        drop(state);
        if was_open {
            self.shared.wake_all();
        }
    }
    // ANCHOR_END: close_flag

    // ANCHOR: join_workers
    /// Joins every worker, then waits until all have left their loops (a
    /// concurrent shutdown may have taken some handles to join itself).
    /// The handles are taken out of their lock before joining: a task that
    /// calls `resize` (which takes that lock) while its worker is being
    /// joined would otherwise deadlock the shutdown. `resize` checks the
    /// closed flag under the same lock, so no worker it starts escapes. A
    /// worker that dies while being joined may start its replacement
    /// (to drain its lane): the loop takes the handles again until none
    /// are left, and every thread that could start one has been joined.
    fn join_workers(&self) {
        loop {
            let handles = core::mem::take(&mut *self.shared.workers.lock());
            if handles.is_empty() {
                break;
            }
            for worker in handles {
                // A worker catches its own unwinding (see `supervise`), so
                // `Err` means a bug in the pool itself; there is nothing
                // better to do than go on joining the others.
                let _ = worker.handle.join();
            }
        }
        let state = self.shared.state.lock();
        drop(
            self.shared
                .terminated
                .wait_while(state, |s| !s.is_terminated()),
        );
    }
    // ANCHOR_END: join_workers
}

/// Dropping the pool is a graceful shutdown. Dropped from inside one of its
/// own tasks (the last owner was a task), it starts the shutdown and lets
/// the workers finish on their own instead of waiting for itself.
///
/// Dropped while its owner unwinds from a panic, it closes the pool but does
/// not wait: a destructor that blocks during unwinding turns one failure
/// into a hang, and one that panics again aborts the process. The workers
/// run what was accepted, then leave on their own (detached).
// ANCHOR: drop
impl<B: Backend> Drop for Pool<B> {
    fn drop(&mut self) {
        if crate::sync::panicking() {
            self.close();
            return;
        }
        // Err only from a worker: the workers then end by themselves once
        // drained, and there is nobody to report the error to.
        let _ = self.shutdown();
    }
}
// ANCHOR_END: drop

/// What [`Pool::shutdown_timeout`] saw when it returned.
///
/// ```
/// let report = executor::ShutdownReport::default();
/// assert!(!report.terminated && report.running.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Every worker had left: all accepted tasks ran.
    pub terminated: bool,
    /// Tasks still running at the deadline, by id, oldest first.
    pub running: Vec<TaskId>,
    /// Tasks accepted and not yet started at the deadline.
    pub queued: u64,
}
