//! Guarantee: discard-oldest on a partitioned pool evicts at most one task
//! per submit, and the victim's handle says `Discarded`, never
//! `Cancelled`, while the lane's worker races to take that same task. Every
//! accepted task ends exactly one way and the accounting stays consistent.

use super::support::{Latch, gated};
use executor::sync::{Backend, thread};
use executor::{Pool, RejectionPolicy, TaskError, TaskId};

/// Scenario: a submit that may evict races the worker freeing the lane.
pub fn partitioned_discard_oldest<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .capacity(1)
        .policy(RejectionPolicy::DiscardOldest)
        .build_partitioned()
        .unwrap();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let busy = pool.submit(&0_u64, gated(&started, &release)).unwrap();
    started.wait();
    let queued = pool.submit(&0_u64, || 1_u8).unwrap(); // fills the lane
    let releaser = thread::spawn::<B, _, _>("releaser".into(), move || release.set()).unwrap();
    let last = pool.submit(&0_u64, || 2_u8).unwrap(); // evicts `queued`, or not
    releaser.join().unwrap();
    busy.join().unwrap();
    let evicted = match queued.join() {
        Ok(1) => false,
        Err(TaskError::Discarded(TaskId(1))) => true,
        other => panic!("the queued task ended as {other:?}"),
    };
    assert_eq!(last.join(), Ok(2));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.discarded, m.cancelled), (u64::from(evicted), 0), "{m:?}");
}
