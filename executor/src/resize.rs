//! Resizing a running pool, shared or partitioned: one code path. Growing
//! starts workers; shrinking retires some, which leave on their own (a
//! partitioned pool's retired lanes drain first). Workers that have left
//! are joined by the next resize or the shutdown, so repeated resizes
//! hold no finished threads.

use crate::error::ResizeError;
use crate::pool::{Pool, spawn_workers};
use crate::queue::Mode;
use crate::sync::Backend;

impl<B: Backend> Pool<B> {
    // ANCHOR: resize
    /// Changes the number of workers to `workers` (at most the builder's
    /// `max_workers`). Growing starts workers at once; shrinking lets the
    /// surplus leave as soon as each finishes its current task (the others
    /// run what is queued). Workers above the starting count also leave
    /// by themselves after idling for the builder's `keep_alive`, if set.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).max_workers(4).build().unwrap();
    /// pool.resize(4).unwrap();
    /// assert_eq!(pool.workers(), 4);
    /// pool.resize(1).unwrap(); // three leave once idle
    /// assert_eq!(pool.submit(|| 7).unwrap().join(), Ok(7));
    /// assert!(pool.resize(5).is_err()); // above max_workers
    /// ```
    pub fn resize(&self, workers: usize) -> Result<(), ResizeError> {
        let max = self.shared.max_workers;
        if workers == 0 {
            return Err(ResizeError::ZeroWorkers);
        }
        if workers > max {
            return Err(ResizeError::AboveMax {
                requested: workers,
                max,
            });
        }
        // Lock order: the worker handles, then the state (see `Pool`). Both
        // are held while workers start, so no task is routed to a lane
        // before its worker exists, and no shutdown misses a new worker.
        let mut handles = self.shared.workers.lock();
        let mut state = self.shared.state.lock();
        if state.closed {
            return Err(ResizeError::ShuttingDown);
        }
        let before = state.active;
        // Workers an earlier shrink (or the keep-alive) retired, and that
        // have left since.
        let retired = self.take_retired(&mut handles, &mut state);
        state.active = workers;
        let lanes: Vec<usize> = match self.shared.mode {
            // A lane's worker may still be draining it after a shrink: it
            // then simply stays (it re-checks `retiring` under the lock).
            Mode::Partitioned => (0..workers).filter(|&lane| !state.served[lane]).collect(),
            Mode::Shared => vec![0; workers.saturating_sub(state.live_workers)],
        };
        let started = spawn_workers(&self.shared, &mut handles, &mut state, lanes);
        if started.is_err() {
            // Workers that did start beyond the old size retire at once.
            state.active = before;
        }
        drop(state);
        drop(handles);
        self.reap(retired);
        // Retiring workers re-check and leave (once drained, if their lane
        // is retired); blocked submitters pick their lane again.
        self.shared.wake_all();
        started.map_err(ResizeError::Spawn)
    }
    // ANCHOR_END: resize
}
