//! Guarantee: priorities with aging on the fast core, where each level is
//! a ring of its own, the workers park in one place for all three, and
//! the aging counts are atomics. A low-priority task at the head of its
//! level is passed over by at most the aging bound of higher-priority
//! tasks (exactly, with one worker), and a task queued at any level wakes
//! an idle worker.

use super::priority_aging::{low_behind_highs, ran_after_one_high};
use executor::FastPool;
use executor::sync::{Arc, Backend};

// ANCHOR: fast_low_priority_not_starved
/// The locked pool's race (see `low_behind_highs`) on a one-worker fast
/// pool with an aging bound of 1. The worker starts idle, so the held
/// task, queued at Normal, must wake it where it parked; then the low
/// task must run after exactly one high one. (One worker: with two, the
/// order the tasks log in is not the order they were taken, so no log
/// could check the bound.)
pub fn fast_low_priority_not_starved<B: Backend>() {
    let pool = Arc::<B, _>::new(
        FastPool::<B>::builder()
            .workers(1)
            .capacity(4)
            .priorities(1)
            .build()
            .unwrap(),
    );
    let log = low_behind_highs(&pool, |pool, priority, task| {
        pool.execute_at(priority, task).unwrap();
    });
    pool.shutdown().unwrap();
    ran_after_one_high(&log);
    let m = pool.metrics();
    assert_eq!((m.completed, m.queued), (5, 0), "{m:?}");
}
// ANCHOR_END: fast_low_priority_not_starved
