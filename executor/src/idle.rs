//! Waiting until the pool is idle (nothing queued, nothing running) without
//! shutting it down: the end of a batch, a test's barrier, a drain before
//! a deploy. Idle is a moment, not a state: a submit right after may make
//! the pool busy again.

use crate::error::LifecycleError;
use crate::pool::Pool;
use crate::queue::State;
use crate::sync::Backend;
use core::time::Duration;

impl<B: Backend> Pool<B> {
    // ANCHOR: wait_idle
    /// Blocks until nothing is queued and nothing is running, completion
    /// callbacks and after-task hooks included, nor waiting out a retry's
    /// backoff (a retry is accepted work: this waits for its backoff and
    /// its attempts). Refused from inside one of the pool's own tasks: that
    /// task is running, so the pool cannot be idle while it waits.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use std::sync::Arc;
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(2).build().unwrap();
    /// let done = Arc::new(AtomicUsize::new(0));
    /// for _ in 0..10 {
    ///     let done = done.clone();
    ///     // Relaxed: the count is read after wait_idle, which synchronises.
    ///     pool.execute(move || { done.fetch_add(1, Ordering::Relaxed); }).unwrap();
    /// }
    /// pool.wait_idle().unwrap();
    /// assert_eq!(done.load(Ordering::Relaxed), 10);
    /// assert!(!pool.is_shutdown()); // still open for more
    /// ```
    pub fn wait_idle(&self) -> Result<(), LifecycleError> {
        self.refuse_if_worker()?;
        let state = self.shared.state.lock();
        drop(self.shared.idle.wait_while(state, |s| !s.is_idle()));
        Ok(())
    }
    // ANCHOR_END: wait_idle

    /// As [`wait_idle`](Self::wait_idle), for at most `timeout`: `Ok(true)`
    /// if the pool was idle. The timeout bounds the wait only (it never
    /// fires under the model checkers).
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::Executor;
    /// let pool = Executor::builder().build().unwrap();
    /// assert_eq!(pool.wait_idle_timeout(Duration::from_secs(5)), Ok(true));
    /// ```
    pub fn wait_idle_timeout(&self, timeout: Duration) -> Result<bool, LifecycleError> {
        self.wait_for(&self.shared.idle, timeout, State::is_idle)
    }
}
