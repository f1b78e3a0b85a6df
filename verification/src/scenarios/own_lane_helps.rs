//! Guarantee: a task that would wait for itself does the work instead. On
//! a one-worker pool, a task's blocking submit into the full queue runs the
//! queue's head on the calling worker, and its join of a task still queued
//! runs the queue up to it; nothing deadlocks, every task runs once, in
//! queue order, and the accounting stays consistent.

use super::support::{Log, logging};
use executor::Pool;
use executor::sync::{Arc, Backend};

/// Scenario: a task submits into its own full queue, then joins.
pub fn own_lane_helps<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(1).build().unwrap());
    let log = Log::<B>::shared();
    let (inner, l) = (pool.clone(), log.clone());
    let outer = pool
        .submit(move || {
            let first = inner.submit(logging(&l, 1)).unwrap(); // fills the queue
            let second = inner.submit(logging(&l, 2)).unwrap(); // runs `first` here
            (first.join(), second.join()) // runs `second` here
        })
        .unwrap();
    assert_eq!(outer.join(), Ok((Ok(1), Ok(2))));
    assert_eq!(log.entries(), vec![1, 2]);
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent() && m.completed == 3, "{m:?}");
}
