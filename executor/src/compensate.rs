//! Compensating workers: when tasks hang, a shared pool can start an extra
//! worker for each, up to its `max_workers`, so the rest of the queue keeps
//! moving. Each extra worker is temporary: when the stuck task it stands
//! in for finishes, the pool wants one worker fewer, and the next worker
//! to come back to the queue leaves.
//!
//! A partitioned pool cannot compensate: a lane is served by one worker
//! alone, or its keys' order would break. Its stuck tasks are reported
//! with the keys queued behind them (see `Pool::health`).

use crate::error::ResizeError;
use crate::pool::{Pool, spawn_workers};
use crate::queue::State;
use crate::sync::Backend;
use crate::task::TaskId;
use core::time::Duration;

impl<B: Backend> Pool<B> {
    // ANCHOR: compensate
    /// Starts an extra worker for each task running longer than
    /// `stuck_after` that has none yet, as far as the builder's
    /// `max_workers` allows; returns the tasks compensated for now. Call it
    /// from a monitoring loop. A pool that keeps no time cannot tell a
    /// stuck task (build it with [`timed`](crate::Builder::timed)).
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{Executor, ManualClock, ResizeError};
    /// use executor::sync::Std;
    /// let clock = ManualClock::<Std>::new();
    /// let pool = Executor::builder().workers(1).max_workers(2).clock(clock.clone()).timed().build()?;
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// let hung = pool.submit(move || rx.recv().unwrap())?;
    /// # while pool.metrics().running == 0 { std::thread::yield_now(); }
    /// let behind = pool.submit(|| "ran")?;
    /// clock.advance(Duration::from_secs(60));
    /// assert_eq!(pool.compensate(Duration::from_secs(30))?, vec![hung.id()]);
    /// assert_eq!(behind.join(), Ok("ran")); // on the extra worker
    /// tx.send(()).unwrap();
    /// let untimed = Executor::builder().build()?;
    /// assert!(matches!(untimed.compensate(Duration::ZERO), Err(ResizeError::Untimed)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compensate(&self, stuck_after: Duration) -> Result<Vec<TaskId>, ResizeError> {
        if !self.shared.timed {
            return Err(ResizeError::Untimed);
        }
        let now = self.shared.now();
        // Lock order: the worker handles, then the state (see `resize`).
        let mut handles = self.shared.workers.lock();
        let mut state = self.shared.state.lock();
        if state.closed {
            return Err(ResizeError::ShuttingDown);
        }
        let stuck = state.uncompensated(now, stuck_after);
        let busy = state.live_workers.max(state.active);
        let room = self.shared.max_workers.saturating_sub(busy);
        let covered: Vec<TaskId> = stuck.into_iter().take(room).collect();
        if covered.is_empty() {
            return Ok(covered);
        }
        let before = state.active;
        state.active += covered.len();
        let started = spawn_workers(
            &self.shared,
            &mut handles,
            &mut state,
            vec![0; covered.len()],
        );
        if let Err(e) = started {
            state.active = before; // the workers that did start leave at once
            drop(state);
            drop(handles);
            self.shared.wake_all();
            return Err(ResizeError::Spawn(e));
        }
        state.compensated.extend(covered.iter().copied());
        Ok(covered)
    }
    // ANCHOR_END: compensate
}

impl State {
    /// The tasks running longer than `bound` at `now` with no worker
    /// standing in for them yet, longest first.
    fn uncompensated(&self, now: Duration, bound: Duration) -> Vec<TaskId> {
        let mut stuck: Vec<(Duration, TaskId)> = self
            .monitor
            .workers
            .values()
            .filter_map(|w| w.running)
            .filter(|(task, started)| {
                now.saturating_sub(*started) > bound && !self.compensated.contains(task)
            })
            .map(|(task, started)| (started, task))
            .collect();
        stuck.sort();
        stuck.into_iter().map(|(_, task)| task).collect()
    }

    /// Task `id` ended a run: if a worker stood in for it, the pool wants
    /// one worker fewer (the next one back at the queue leaves).
    pub(crate) fn uncompensate(&mut self, id: TaskId) {
        if !self.compensated.is_empty() && self.compensated.remove(&id) {
            self.active = self.active.saturating_sub(1).max(1);
        }
    }
}
