//! Guarantee: the discard-oldest and caller-runs policies lose nothing. An
//! evicted task's handle says `Discarded`; a caller-run task runs on the
//! caller; the accounting stays exact.

use super::support::{Busy, Log, logging};
use executor::sync::Backend;
use executor::{Pool, RejectionPolicy, TaskError};

/// Scenario 8a: discard-oldest resolves the evicted task's handle.
pub fn discard_oldest_loses_nothing<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .capacity(1)
        .policy(RejectionPolicy::DiscardOldest)
        .build()
        .unwrap();
    let log = Log::<B>::shared();
    let busy = Busy::occupy(&pool);
    let oldest = pool.submit(logging(&log, 1)).unwrap();
    let newest = pool.submit(logging(&log, 2)).unwrap();
    assert_eq!(
        oldest.join(),
        Err(TaskError::Discarded(executor::TaskId(1)))
    );
    busy.release();
    assert_eq!(newest.join(), Ok(2));
    pool.shutdown().unwrap();
    assert_eq!(log.entries(), vec![2], "the evicted task never ran");
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.discarded, m.completed), (1, 2));
}

/// Scenario 8b: caller-runs runs the overflow task on the submitter.
pub fn caller_runs_loses_nothing<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .capacity(1)
        .policy(RejectionPolicy::CallerRuns)
        .build()
        .unwrap();
    let log = Log::<B>::shared();
    let busy = Busy::occupy(&pool);
    let queued = pool.submit(logging(&log, 1)).unwrap();
    let overflow = pool.submit(logging(&log, 2)).unwrap();
    assert!(
        overflow.is_finished(),
        "caller-runs ran it before submit returned"
    );
    assert_eq!(
        log.entries(),
        vec![2],
        "on the caller, while the worker is busy"
    );
    busy.release();
    assert_eq!(queued.join(), Ok(1));
    assert_eq!(overflow.join(), Ok(2));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.caller_ran, m.completed, m.rejected), (1, 3, 0));
}
