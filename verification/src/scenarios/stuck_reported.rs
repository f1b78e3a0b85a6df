//! Guarantee: a task that runs longer than the bound is reported as stuck,
//! with its worker, and in a partitioned pool with what waits behind it on
//! its lane; once it returns, it is no longer reported. Time passes only
//! when the scenario moves its manual clock.

use super::support::{Latch, gated};
use core::time::Duration;
use executor::sync::Backend;
use executor::{ManualClock, Pool, TaskId};

const BOUND: Duration = Duration::from_secs(5);

// ANCHOR: stuck_task_reported
/// One worker of two lanes runs a task that waits for a latch; a second
/// task of the same key queues behind it. Ten seconds later the health
/// report names the task, its worker and what it holds up.
pub fn stuck_task_reported<B: Backend>() {
    let clock = ManualClock::<B>::new();
    let pool = Pool::<B>::builder()
        .workers(2)
        .clock(clock.clone())
        .timed()
        .build_partitioned()
        .unwrap();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let hung = pool.submit(&"k", gated(&started, &release)).unwrap();
    let behind = pool.submit(&"k", || ()).unwrap();
    started.wait();
    clock.advance(BOUND * 2);
    let health = pool.health(BOUND);
    let lane = pool.worker_for(&"k");
    let stuck: Vec<(TaskId, usize, Duration, usize, usize)> = health
        .stuck
        .iter()
        .map(|s| {
            (
                s.task,
                s.worker,
                s.running_for,
                s.queued_behind,
                s.keys_behind,
            )
        })
        .collect();
    assert_eq!(
        stuck,
        vec![(hung.id(), lane, BOUND * 2, 1, 1)],
        "the stuck task, its worker and the one task of one key behind it: {health:?}"
    );
    release.set();
    hung.join().unwrap();
    behind.join().unwrap();
    pool.wait_idle().unwrap();
    let after = pool.health(BOUND);
    assert!(after.stuck.is_empty(), "it returned, yet {after:?}");
    let processed: u64 = after.workers.iter().map(|w| w.processed).sum();
    assert_eq!(processed, 2, "{after:?}");
    pool.shutdown().unwrap();
}
// ANCHOR_END: stuck_task_reported
