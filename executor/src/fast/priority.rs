//! Priorities on the fast core: one ring per level, every worker serving
//! all three and parking in one place, and aging counted in atomics.
//!
//! A worker takes from the highest level with a task, unless a lower
//! level's head has been passed over `bound` times: then it takes that
//! head first (the lowest such level first, as in the locked pool's
//! lanes). Each take from a level resets that level's count and adds one
//! to the count of every lower level with a task waiting.
//!
//! The counts are shared by the workers, so the bound is exact with one
//! worker and loose by the takes under way with several: a worker that
//! chose a higher level just before the count reached the bound still
//! takes it. With `W` workers a head is passed over at most about
//! `bound + W - 1` times.

use super::lane::{Took, take_with};
use super::{Core, FastPool};
use crate::TaskHandle;
use crate::error::{RejectReason, Rejected};
use crate::lane::{LEVELS, Priority};
use crate::parking::Parking;
use crate::ring::{Pop, PushError};
use crate::sync::{AtomicUsize, Backend, Ordering};
use crate::task::{Job, detached, package};
use core::time::Duration;

/// A prioritized pool's aging: the bound, and per level how many tasks of
/// higher levels were taken while its head waited.
pub(crate) struct Aging<B: Backend> {
    bound: usize,
    passed: [AtomicUsize<B>; LEVELS],
}

impl<B: Backend> Aging<B> {
    pub(crate) fn new(bound: usize) -> Self {
        Self {
            bound,
            passed: core::array::from_fn(|_| AtomicUsize::new(0)),
        }
    }

    // Relaxed, every access to `passed`: a count orders nothing (the
    // rings publish the tasks), and each count is one location, so each
    // worker sees its own updates in order. A stale read lets one more
    // task pass: the looseness the module doc counts.

    /// The lowest level that has a task (`waiting`) and has been passed
    /// over its bound.
    fn due(&self, waiting: impl Fn(usize) -> bool) -> Option<usize> {
        (1..LEVELS)
            .rev()
            .find(|&l| waiting(l) && self.passed[l].load(Ordering::Relaxed) >= self.bound)
    }

    /// Before a take from `level`: its head's wait ends (reset first, so
    /// that a pass counted meanwhile goes to the next head, never lost).
    fn taking(&self, level: usize) {
        self.passed[level].store(0, Ordering::Relaxed);
    }

    /// After a take from `level`: every lower level with a task waiting
    /// was passed over once more.
    fn took(&self, level: usize, waiting: impl Fn(usize) -> bool) {
        for lower in level + 1..LEVELS {
            if waiting(lower) {
                self.passed[lower].fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

impl<B: Backend> Core<B> {
    /// Where the idle workers of `lane` park: a prioritized pool's levels
    /// share the first level's.
    pub(crate) fn idle(&self, lane: usize) -> &Parking<B> {
        let lane = if self.aging.is_some() { 0 } else { lane };
        &self.lanes[lane].not_empty
    }

    /// The lane a shared pool queues to without a priority: the Normal
    /// level if it has levels.
    pub(crate) fn shared_lane(&self) -> usize {
        if self.aging.is_some() {
            Priority::Normal as usize
        } else {
            0
        }
    }

    /// Pushes the job `make` builds onto `lane`, waking an idle worker.
    pub(crate) fn push<M>(&self, lane: usize, make: M, wait: bool) -> Result<(), PushError<M>>
    where
        M: FnOnce(usize) -> Box<dyn Job>,
    {
        self.lanes[lane].offer_to(make, wait, self.idle(lane))
    }

    /// The next job for a worker of `lane`, as [`Lane::take`] (waiting at
    /// most about `timeout`, if given): from the levels, if the pool has
    /// them.
    ///
    /// [`Lane::take`]: super::Lane::take
    pub(crate) fn take(&self, lane: usize, timeout: Option<Duration>) -> Took<Box<dyn Job>> {
        let Some(aging) = &self.aging else {
            return self.lanes[lane].take_within(timeout);
        };
        let has_item = |level: usize| self.lanes[level].ring.has_item();
        // Something to take, or nothing ever again.
        let ready = || (0..LEVELS).any(has_item) || self.lanes.iter().all(|l| l.ring.is_drained());
        take_with(self.idle(0), timeout, || self.pop_level(aging), ready)
    }

    // ANCHOR: fast_pop_level
    /// One look at the levels: the aged head if there is one, else the
    /// highest level's; `Drained` once every level is.
    fn pop_level(&self, aging: &Aging<B>) -> Pop<Box<dyn Job>> {
        let has_item = |level: usize| self.lanes[level].ring.has_item();
        let first = aging.due(has_item);
        for level in first.into_iter().chain(0..LEVELS) {
            if !has_item(level) {
                continue;
            }
            let lane = &self.lanes[level];
            aging.taking(level);
            if let Pop::Item(job) = lane.ring.pop() {
                // A slot is free: a submitter waiting for one may go.
                lane.not_full.wake_one();
                aging.took(level, has_item);
                return Pop::Item(job);
            }
        }
        if self.lanes.iter().all(|l| l.ring.is_drained()) {
            Pop::Drained
        } else {
            Pop::Empty
        }
    }
    // ANCHOR_END: fast_pop_level
}

impl<B: Backend> FastPool<B> {
    // ANCHOR: fast_submit_at
    /// As [`submit`](Self::submit), at a priority, in a pool built with
    /// [`FastBuilder::priorities`](crate::FastBuilder::priorities): the
    /// highest level waiting runs first, FIFO within a level, and a task
    /// at the head of its level is passed over by at most about the aging
    /// bound of higher-priority tasks (exactly, with one worker). A pool
    /// without levels hands the task back with
    /// [`RejectReason::NoPriorities`].
    ///
    /// ```
    /// use executor::{FastExecutor, Priority, RejectReason};
    /// let pool = FastExecutor::builder().workers(1).priorities(4).build()?;
    /// assert_eq!(pool.submit_at(Priority::High, || "first")?.join()?, "first");
    /// let plain = FastExecutor::new(1, 8)?;
    /// let refused = plain.submit_at(Priority::High, || ()).unwrap_err();
    /// assert_eq!(refused.reason, RejectReason::NoPriorities);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
        let task = self.leveled(task)?;
        let lane = priority as usize;
        self.core
            .admit(lane, task, true, |id, f| package(id, f, None))
    }
    // ANCHOR_END: fast_submit_at

    /// As [`execute`](Self::execute), at a priority (see
    /// [`Self::submit_at`]).
    ///
    /// ```
    /// use executor::{FastExecutor, Priority};
    /// let pool = FastExecutor::builder().workers(1).priorities(4).build()?;
    /// pool.execute_at(Priority::Low, || println!("when nothing else waits"))?;
    /// pool.shutdown()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute_at<F>(&self, priority: Priority, task: F) -> Result<(), Rejected<F>>
    where
        F: FnOnce() + Send + 'static,
    {
        let task = self.leveled(task)?;
        let lane = priority as usize;
        self.core
            .admit(lane, task, true, |id, f| detached::<B, F>(id, f, None))
    }

    /// `task` back if the pool has levels, else its refusal.
    fn leveled<F>(&self, task: F) -> Result<F, Rejected<F>> {
        match self.core.aging {
            Some(_) => Ok(task),
            None => Err(Rejected {
                task,
                reason: RejectReason::NoPriorities,
            }),
        }
    }
}
