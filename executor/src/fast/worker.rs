//! A fast pool's worker: take a job from its lane (spinning, yielding,
//! then parking while there is none), run it inside its panic boundary,
//! count it, and leave once the lane is closed and drained.

use super::Core;
use crate::sync::Backend;
use crate::task::{Ended, run_quietly};

// ANCHOR: fast_worker
/// Serves `lane` as worker `index` until the lane is closed and drained.
pub(crate) fn work<B: Backend>(core: &Core<B>, lane: usize, index: usize) {
    let counters = &core.counters[index].0;
    let lane = &core.lanes[lane];
    while let Some(job) = lane.take() {
        // The job catches its task's panic; what it owes afterwards (a value
        // nobody waits for) runs inside a panic boundary too.
        // Only jobs without a retry policy reach a fast pool: each run is
        // their last.
        let leftover = job.run(&mut |ended| {
            if let Ended::Final(outcome) = ended {
                counters.count(outcome);
            }
        });
        run_quietly(leftover);
    }
}
// ANCHOR_END: fast_worker
