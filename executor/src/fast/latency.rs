//! Queue-wait and run-time percentiles on the fast core, opt-in
//! ([`FastBuilder::latency_window`](super::FastBuilder::latency_window)).
//!
//! Each worker records into windows of its own, behind a lock that only a
//! snapshot ever contends, so workers never wait for each other to record;
//! a snapshot merges them. A task's queue wait needs the time it was
//! queued, which a ring slot does not hold: a pool that keeps latency
//! stamps each task as it is queued, in a wrapper around its job. A pool
//! that does not pays nothing for any of it.

use super::{Core, FastPartitionedPool, FastPool};
use crate::dead_letter::Attempt;
use crate::error::TaskError;
use crate::latency::{Book, Latency};
use crate::sync::Backend;
use crate::task::{Ended, Job, Leftover, TaskId};
use core::time::Duration;

/// A job and the time it was queued.
pub(crate) struct Stamped {
    pub(crate) at: Duration,
    pub(crate) job: Box<dyn Job>,
}

impl Job for Stamped {
    fn run(self: Box<Self>, account: &mut dyn FnMut(Ended)) -> Option<Leftover> {
        self.job.run(account)
    }

    fn cancel(&mut self, why: TaskError) -> Option<Leftover> {
        self.job.cancel(why)
    }

    fn id(&self) -> TaskId {
        self.job.id()
    }

    fn record(&mut self, attempt: Attempt) {
        self.job.record(attempt);
    }

    fn history(&self) -> &[Attempt] {
        self.job.history()
    }

    fn rearm(&mut self, id: TaskId) {
        self.job.rearm(id);
    }

    fn key(&self) -> Option<u64> {
        self.job.key()
    }

    fn enqueued(&self) -> Option<Duration> {
        Some(self.at)
    }
}

impl<B: Backend> Core<B> {
    /// `job`, stamped with the time now if the pool keeps latency.
    pub(crate) fn stamp(&self, job: Box<dyn Job>) -> Box<dyn Job> {
        if !self.stamps {
            return job;
        }
        Box::new(Stamped {
            at: self.now(),
            job,
        })
    }

    /// Every worker's windows merged, and each lane's.
    fn latency(&self) -> Option<Latency> {
        let books: Vec<_> = self
            .own
            .iter()
            .map(|own| own.0.latency.as_ref().map(|book| book.lock()))
            .collect::<Option<_>>()?;
        let pool = Book::merged(books.iter().map(|b| &**b));
        let lanes = if self.partitioned {
            // Worker `i` alone serves lane `i`.
            books.iter().map(|b| b.snapshot()).collect()
        } else {
            vec![pool]
        };
        Some(Latency { pool, lanes })
    }
}

impl<B: Backend> FastPool<B> {
    // ANCHOR: fast_latency
    /// Queue-wait and run-time percentiles over the latency window;
    /// `None` unless the builder asked for them.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{FastExecutor, ManualClock};
    /// use executor::sync::Std;
    /// let clock = ManualClock::<Std>::new();
    /// let pool = FastExecutor::builder()
    ///     .workers(1)
    ///     .clock(clock.clone())
    ///     .latency_window(Duration::from_secs(60))
    ///     .build()?;
    /// let tick = clock.clone();
    /// pool.submit(move || tick.advance(Duration::from_millis(30)))?.join()?;
    /// let latency = pool.latency().expect("kept");
    /// assert_eq!(latency.pool.run_time.count, 1);
    /// assert!(latency.pool.run_time.max >= Duration::from_millis(29));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latency(&self) -> Option<Latency> {
        self.core.latency()
    }
    // ANCHOR_END: fast_latency
}

impl<B: Backend> FastPartitionedPool<B> {
    /// As [`FastPool::latency`], with a snapshot per lane.
    ///
    /// ```
    /// let pool = executor::FastPartitionedExecutor::new(2, 8)?;
    /// assert!(pool.latency().is_none()); // not asked for
    /// # Ok::<(), executor::BuildError>(())
    /// ```
    pub fn latency(&self) -> Option<Latency> {
        self.pool.latency()
    }
}

#[cfg(test)]
mod tests {
    use super::Stamped;
    use crate::dead_letter::Attempt;
    use crate::error::TaskError;
    use crate::retry::RetryPolicy;
    use crate::retry_job::retrying;
    use crate::sync::Std;
    use crate::task::{Job, TaskId};
    use core::time::Duration;

    /// Guarantee: a stamp adds its queue time and changes nothing else:
    /// every question about the task reaches the task it wraps.
    #[test]
    fn a_stamp_passes_every_question_through() {
        let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
        let (job, handle) =
            retrying::<Std, _, (), _>(TaskId(3), || Err("down"), None, Some(7), policy);
        let second = Duration::from_secs(1);
        let mut stamped = Stamped { at: second, job };
        let asked = (stamped.id(), stamped.key(), stamped.enqueued());
        assert_eq!(asked, (TaskId(3), Some(7), Some(second)));
        stamped.record(Attempt {
            number: 1,
            error: "down".into(),
            panicked: false,
            ended: second,
        });
        assert_eq!(stamped.history().len(), 1);
        stamped.rearm(TaskId(9));
        assert_eq!(stamped.id(), TaskId(9));
        assert!(stamped.cancel(TaskError::Cancelled(TaskId(9))).is_none());
        assert_eq!(handle.join(), Err(TaskError::Cancelled(TaskId(9))));
    }
}
