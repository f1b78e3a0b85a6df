//! A fast pool's worker: take a job from its lane (spinning, yielding,
//! then parking while there is none), run it inside its panic boundary,
//! count it, and leave once the lane is closed and drained. Around each
//! task it writes its own heartbeat; a failed attempt of a task with a
//! retry policy it keeps, to run again when due (see `held`).

use super::Core;
use super::heartbeat::Heartbeat;
use super::held::Held;
use super::looks::Codel;
use super::metrics::Counters;
use crate::clock::Clock;
use crate::latency::Book;
use crate::sync::{Backend, Mutex};
use crate::task::{Ended, Job, run_quietly};
use core::time::Duration;

/// What one worker writes, and only it: its counts, its heartbeat and,
/// if the pool keeps latency, its windows (see `latency`).
pub(crate) struct Own<B: Backend> {
    pub(crate) counters: Counters<B>,
    pub(crate) heartbeat: Heartbeat<B>,
    pub(crate) latency: Option<Mutex<B, Book>>,
    /// If the pool's pressure watches queue waits: this worker's samples.
    pub(crate) codel: Option<Codel<B>>,
}

/// When a timed pool's task started, and when it was queued if stamped.
#[derive(Clone, Copy)]
struct Started {
    at: Duration,
    queued: Option<Duration>,
}

impl<B: Backend> Own<B> {
    pub(crate) fn new(
        now: Duration,
        window: Option<Duration>,
        delay: Option<(Duration, Duration)>,
    ) -> Self {
        Self {
            counters: Counters::new(),
            heartbeat: Heartbeat::new(now),
            latency: window.map(|w| Mutex::new(Book::new(w))),
            codel: delay.map(Codel::new),
        }
    }

    /// Writes the heartbeat as `job` starts: the running task, and in a
    /// timed pool the time, which it returns for [`Self::finished`].
    fn started(&self, clock: Option<&dyn Clock>, job: &dyn Job) -> Option<Started> {
        let Some(clock) = clock else {
            // The cheapest path keeps its heartbeat to one store.
            self.heartbeat.untimed(Some(job.id()));
            return None;
        };
        let at = clock.now();
        self.heartbeat.started(job.id(), at);
        let queued = job.enqueued();
        if let (Some(codel), Some(queued)) = (&self.codel, queued) {
            codel.sample(at.saturating_sub(queued), at);
        }
        Some(Started { at, queued })
    }

    // ANCHOR: fast_timing
    /// Marks the worker idle as its task ends, and records the task's
    /// times if the pool keeps latency.
    fn finished(&self, clock: Option<&dyn Clock>, started: Option<Started>) {
        let (Some(clock), Some(started)) = (clock, started) else {
            self.heartbeat.untimed(None);
            return;
        };
        let now = clock.now();
        self.heartbeat.finished(now);
        if let Some(book) = &self.latency {
            let mut book = book.lock();
            if let Some(queued) = started.queued {
                book.waited(started.at.saturating_sub(queued), now);
            }
            book.ran(now.saturating_sub(started.at), now);
        }
    }
    // ANCHOR_END: fast_timing
}

// ANCHOR: fast_worker
/// Serves `lane` as worker `index` until the lane is closed and drained
/// and it keeps no retry.
pub(crate) fn work<B: Backend>(core: &Core<B>, lane: usize, index: usize) {
    let own = &core.own[index].0;
    let mut held = Held::default();
    while let Some(job) = core.next(lane, &mut held) {
        let clock = core.clock.as_deref().map(|c| &**c);
        let started = own.started(clock, &*job);
        // The job catches its task's panic; what it owes afterwards (a value
        // nobody waits for) runs inside a panic boundary too. A task's
        // last run is counted, and the worker marked idle, before the
        // handle resolves, so that a submitter who joins sees both. A
        // failed attempt of a task with a retry policy comes back instead.
        let mut failed = None;
        let leftover = job.run(&mut |ended| {
            match ended {
                Ended::Final(outcome) => own.counters.count(outcome),
                Ended::Failed(job, failure) => failed = Some((job, failure)),
            }
            own.finished(clock, started);
        });
        run_quietly(leftover);
        if let Some((job, failure)) = failed {
            core.failed_attempt(job, failure, lane, &mut held);
        }
    }
}
// ANCHOR_END: fast_worker
