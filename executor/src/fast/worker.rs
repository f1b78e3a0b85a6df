//! A fast pool's worker: take a job from its lane (spinning, yielding,
//! then parking while there is none), run it inside its panic boundary,
//! count it, and leave once the lane is closed and drained. Around each
//! task it writes its own heartbeat.

use super::Core;
use super::heartbeat::Heartbeat;
use super::metrics::Counters;
use crate::sync::Backend;
use crate::task::{Ended, run_quietly};
use core::time::Duration;

/// What one worker writes, and only it: its counts and its heartbeat.
pub(crate) struct Own<B: Backend> {
    pub(crate) counters: Counters<B>,
    pub(crate) heartbeat: Heartbeat<B>,
}

impl<B: Backend> Own<B> {
    pub(crate) fn new(now: Duration) -> Self {
        Self {
            counters: Counters::new(),
            heartbeat: Heartbeat::new(now),
        }
    }
}

// ANCHOR: fast_worker
/// Serves `lane` as worker `index` until the lane is closed and drained.
pub(crate) fn work<B: Backend>(core: &Core<B>, lane: usize, index: usize) {
    let own = &core.own[index].0;
    let lane = &core.lanes[lane];
    while let Some(job) = lane.take() {
        let clock = core.clock.as_deref();
        match clock {
            Some(clock) => own.heartbeat.started(job.id(), clock.now()),
            // The cheapest path keeps its heartbeat to one store.
            None => own.heartbeat.untimed(Some(job.id())),
        }
        // The job catches its task's panic; what it owes afterwards (a value
        // nobody waits for) runs inside a panic boundary too.
        // Only jobs without a retry policy reach a fast pool: each run is
        // their last.
        // Counted and marked idle before the handle resolves, so that a
        // submitter who joins sees both.
        let leftover = job.run(&mut |ended| {
            if let Ended::Final(outcome) = ended {
                own.counters.count(outcome);
            }
            match clock {
                Some(clock) => own.heartbeat.finished(clock.now()),
                None => own.heartbeat.untimed(None),
            }
        });
        run_quietly(leftover);
    }
}
// ANCHOR_END: fast_worker
