//! Admission: how a task gets into a bounded lane, and what happens when the
//! lane is full (block, fail fast, wait with a deadline, caller-runs,
//! discard-oldest) or the pool is shutting down.

use crate::TaskHandle;
use crate::attempt::Placed;
use crate::error::{RejectReason, Rejected, TaskError};
use crate::lane::Priority;
use crate::policy::RejectionPolicy;
use crate::pool::Pool;
use crate::queue::{Ran, Route, Shared, State};
use crate::sync::{Arc, Backend, MutexGuard};
use crate::task::{Job, Place, TaskId, detached, drop_quietly, package, run_quietly};
use crate::worker::help;
use core::time::Duration;

// ANCHOR: when_full_enum
/// What to do when the lane is full.
#[derive(Clone, Copy)]
pub(crate) enum WhenFull {
    /// Hand the task back.
    Reject,
    /// Wait for a slot, until the deadline (backend time) if there is one.
    Wait(Option<Duration>),
    /// Run it on the submitting thread.
    CallerRuns,
    /// Evict the oldest queued task to make room.
    DiscardOldest,
}
// ANCHOR_END: when_full_enum

impl<B: Backend> Pool<B> {
    /// Submits a task, applying the pool's [`RejectionPolicy`] if the queue
    /// is full (by default: wait for a slot). Fails only when the policy
    /// rejects or the pool is shutting down; the task then comes back.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().build().unwrap();
    /// assert_eq!(pool.submit(|| 6 * 7).unwrap().join(), Ok(42));
    /// ```
    // ANCHOR: submit
    pub fn submit<F, T>(&self, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        admit(
            &self.shared,
            Route::Shared(Priority::Normal),
            task,
            when_full(self.shared.policy),
            package,
        )
    }
    // ANCHOR_END: submit

    // ANCHOR: execute
    /// Submits a task nobody waits for: no handle, the cheapest path (no
    /// result slot to allocate or signal). Admission is as [`Self::submit`]'s;
    /// a panic is caught and counted in [`Metrics::failed`](crate::Metrics)
    /// (the `after_task` hook sees it), and reported nowhere else.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).build().unwrap();
    /// pool.execute(|| println!("fire and forget")).unwrap();
    /// pool.shutdown().unwrap(); // runs it before returning
    /// assert_eq!(pool.metrics().completed, 1);
    /// ```
    pub fn execute<F>(&self, task: F) -> Result<(), Rejected<F>>
    where
        F: FnOnce() + Send + 'static,
    {
        let when = when_full(self.shared.policy);
        admit(
            &self.shared,
            Route::Shared(Priority::Normal),
            task,
            when,
            detached,
        )
    }
    // ANCHOR_END: execute

    /// Submits without ever blocking: if the queue is full or the pool is
    /// shutting down, the task comes straight back (whatever the policy).
    ///
    /// ```
    /// use executor::{Executor, RejectReason};
    /// let pool = Executor::builder().workers(1).capacity(1).build().unwrap();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let busy = pool.submit(move || rx.recv().unwrap()).unwrap(); // occupies the worker
    /// # while pool.metrics().running == 0 { std::thread::yield_now(); }
    /// pool.try_submit(|| ()).unwrap(); // fills the queue
    /// let err = pool.try_submit(|| ()).unwrap_err();
    /// assert_eq!(err.reason, RejectReason::Full);
    /// tx.send(()).unwrap();
    /// busy.join().unwrap();
    /// ```
    // ANCHOR: try_submit
    pub fn try_submit<F, T>(&self, task: F) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        admit(
            &self.shared,
            Route::Shared(Priority::Normal),
            task,
            WhenFull::Reject,
            package,
        )
    }
    // ANCHOR_END: try_submit

    /// Waits up to `timeout` for a slot, then hands the task back with
    /// [`RejectReason::Full`]. The timeout bounds latency only: it never
    /// fires under the model checkers, and nothing relies on it firing.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder().build().unwrap();
    /// let h = pool.submit_timeout(|| 1, Duration::from_millis(50)).unwrap();
    /// assert_eq!(h.join(), Ok(1));
    /// ```
    // ANCHOR: submit_timeout
    pub fn submit_timeout<F, T>(
        &self,
        task: F,
        timeout: Duration,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let deadline = B::now().saturating_add(timeout);
        admit(
            &self.shared,
            Route::Shared(Priority::Normal),
            task,
            WhenFull::Wait(Some(deadline)),
            package,
        )
    }
    // ANCHOR_END: submit_timeout
}

impl<B: Backend> Pool<B> {
    // ANCHOR: submit_at
    /// As [`Self::submit`], at a priority: the highest level waiting runs
    /// first, FIFO within a level, and a task at the head of its level is
    /// passed over by at most the builder's [`aging`](crate::Builder::aging)
    /// bound of higher-priority tasks before it runs.
    ///
    /// ```
    /// use executor::{Executor, Priority};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let urgent = pool.submit_at(Priority::High, || "first").unwrap();
    /// assert_eq!(urgent.join(), Ok("first"));
    /// ```
    pub fn submit_at<F, T>(
        &self,
        priority: Priority,
        task: F,
    ) -> Result<TaskHandle<B, T>, Rejected<F>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let when = when_full(self.shared.policy);
        admit(&self.shared, Route::Shared(priority), task, when, package)
    }
    // ANCHOR_END: submit_at

    /// As [`Self::execute`], at a priority (see [`Self::submit_at`]).
    ///
    /// ```
    /// use executor::{Executor, Priority};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// pool.execute_at(Priority::Low, || println!("when nothing else waits")).unwrap();
    /// pool.shutdown().unwrap();
    /// ```
    pub fn execute_at<F>(&self, priority: Priority, task: F) -> Result<(), Rejected<F>>
    where
        F: FnOnce() + Send + 'static,
    {
        let when = when_full(self.shared.policy);
        admit(&self.shared, Route::Shared(priority), task, when, detached)
    }
}

// ANCHOR: when_full
/// The policy's response to a full lane, as `admit` applies it.
pub(crate) fn when_full(policy: RejectionPolicy) -> WhenFull {
    match policy {
        RejectionPolicy::Block => WhenFull::Wait(None),
        RejectionPolicy::Abort => WhenFull::Reject,
        RejectionPolicy::CallerRuns => WhenFull::CallerRuns,
        RejectionPolicy::DiscardOldest => WhenFull::DiscardOldest,
    }
}
// ANCHOR_END: when_full

// ANCHOR: admit
/// The one admission path behind every submit method, shared and
/// partitioned alike, with a handle or without (`make` wraps the task as a
/// job, and makes what the submitter keeps). The lane is chosen again
/// after every wait: a resize may have moved the key meanwhile.
pub(crate) fn admit<B, F, R>(
    shared: &Arc<B, Shared<B>>,
    route: Route,
    task: F,
    when_full: WhenFull,
    make: impl FnOnce(TaskId, F, Place<'_, B>) -> (Box<dyn Job>, R),
) -> Result<R, Rejected<F>>
where
    B: Backend,
{
    let enqueued = shared.task_time();
    let mut state = shared.state.lock();
    state.metrics.submitted += 1;
    let mut evicted = None;
    // The lane this submitter last waited on, if any.
    let mut waited: Option<usize> = None;
    // Whether this submitter is counted in `metrics.waiting`: only while it
    // sleeps, so every snapshot sees it as waiting, accepted or rejected.
    let mut counted = false;
    let lane = loop {
        state.metrics.waiting -= u64::from(core::mem::take(&mut counted));
        if state.closed {
            let reason = if state.supervisor.failed() {
                RejectReason::Failed
            } else {
                RejectReason::ShuttingDown
            };
            return Err(reject(state, task, reason));
        }
        let lane = state.lane_for(route);
        // Retries of this lane that came due go in ahead of this task (and
        // its workers hear of them, whatever becomes of this submission).
        state.promote_due(lane, shared);
        if let Some(previous) = waited.filter(|&previous| previous != lane) {
            // Woken on a lane it no longer routes to (a resize moved its
            // key): the freed slot's wake-up was meant for someone still
            // waiting there, so pass it on rather than swallow it.
            shared.signals[previous].not_full.notify_one();
        }
        if state.lanes[lane].len() < shared.capacity {
            break lane;
        }
        if let WhenFull::Wait(_) = when_full
            && let Some(me) = shared.serves_alone(&state, lane)
        {
            // Waiting would wait for this very thread to free a slot: run
            // the lane's next task here instead, then try again.
            let ran;
            (state, ran) = help(shared, state, lane, me);
            if ran {
                continue;
            }
        }
        waited = Some(lane);
        match when_full {
            WhenFull::Reject => return Err(reject(state, task, RejectReason::Full)),
            WhenFull::Wait(None) => {
                state.metrics.waiting += 1;
                counted = true;
                state = shared.signals[lane].not_full.wait(state);
            }
            WhenFull::Wait(Some(deadline)) => {
                let now = B::now();
                if now >= deadline {
                    return Err(reject(state, task, RejectReason::Full));
                }
                state.metrics.waiting += 1;
                counted = true;
                state = shared.signals[lane]
                    .not_full
                    .wait_timeout(state, deadline - now)
                    .0;
            }
            WhenFull::CallerRuns => return Ok(run_on_caller(shared, state, task, make)),
            WhenFull::DiscardOldest => {
                let victim = state.lanes[lane].evict();
                if let Some(victim) = &victim {
                    state.metrics.queued -= 1;
                    state.metrics.discarded += 1;
                    state.release(victim.key);
                    state.depth_changed(lane, enqueued);
                }
                evicted = victim;
                // One eviction per submit, into the lane it freed: the
                // release above may have moved this key's route (if the
                // victim was its last task there), and routing again would
                // evict a second task elsewhere. Pushing here keeps per-key
                // order, since the key's next tasks follow it to this lane.
                break lane;
            }
        }
    };
    let kept = state.push(lane, route, enqueued, |id| {
        make(id, task, Some((shared, lane)))
    });
    let owed = state.monitor.owes_delivery();
    drop(state);
    shared.signals[lane].not_empty.notify_one();
    if owed {
        shared.deliver();
    }
    if let Some(mut victim) = evicted {
        let id = victim.job.id();
        // A completion callback of the victim's runs here, outside the lock.
        run_quietly(victim.job.cancel(TaskError::Discarded(id)));
        // The victim's closure is user data: drop it inside a panic boundary.
        drop_quietly(victim);
    }
    Ok(kept)
}
// ANCHOR_END: admit

// ANCHOR: reject
fn reject<B: Backend, F>(
    mut state: MutexGuard<'_, B, State>,
    task: F,
    reason: RejectReason,
) -> Rejected<F> {
    state.metrics.rejected += 1;
    Rejected { task, reason }
}
// ANCHOR_END: reject

// ANCHOR: caller_runs
/// Caller-runs: accounted as accepted and running, run on this thread.
/// The pool's hooks are for its workers, and do not run here.
fn run_on_caller<B, F, R>(
    shared: &Shared<B>,
    mut state: MutexGuard<'_, B, State>,
    task: F,
    make: impl FnOnce(TaskId, F, Place<'_, B>) -> (Box<dyn Job>, R),
) -> R
where
    B: Backend,
{
    let id = state.accept();
    state.metrics.running += 1;
    state.running.insert(id);
    state.metrics.caller_ran += 1;
    let started = shared.task_time();
    state.monitor.started(0, None, id, Duration::ZERO, started);
    drop(state);
    let (job, kept) = make(id, task, None);
    let mut owed = None;
    let leftover = job.run(&mut |how| {
        let ended = shared.task_time();
        let ran = Ran {
            worker: None,
            started,
            ended,
        };
        let (priority, key, lane) = (Priority::Normal, 0, 0);
        let place = Placed {
            lane,
            key,
            priority,
        };
        let mut state;
        (state, _, owed) = shared.account(id, how, place, ran);
        // Its handle is alive, so nothing is owed but a dead letter's.
        state.finishing -= 1;
        if state.is_idle() {
            shared.idle.notify_all();
        }
    });
    run_quietly(leftover);
    run_quietly(owed);
    kept
}
// ANCHOR_END: caller_runs
