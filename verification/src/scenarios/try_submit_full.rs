//! Guarantee: `try_submit` fast-fails exactly when the queue is full, and
//! hands back the very task it refused.

use super::support::{Busy, Log, logging};
use executor::sync::Backend;
use executor::{Pool, RejectReason};

/// Scenario 2: rejection exactly when full, with the same task returned.
pub fn try_submit_full<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(1).build().unwrap();
    let log = Log::<B>::shared();
    let busy = Busy::occupy(&pool); // the only worker is busy, the queue empty
    let queued = pool
        .try_submit(logging(&log, 1))
        .expect("one free slot: accepted");
    let refused = pool
        .try_submit(logging(&log, 2))
        .expect_err("queue full: rejected");
    assert_eq!(refused.reason, RejectReason::Full);
    busy.release();
    assert_eq!(queued.join(), Ok(1));
    assert_eq!((refused.task)(), 2, "the refused task comes back intact");
    pool.shutdown().unwrap();
    assert_eq!(
        log.entries(),
        vec![1, 2],
        "task 2 ran once, by the caller, after it came back"
    );
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.accepted, m.rejected), (2, 1));
}
