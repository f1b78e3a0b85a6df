//! Guarantee: `TaskHandle::cancel` racing the worker that takes the task
//! ends exactly one way: the task was taken off the queue (it never runs,
//! its handle says `Cancelled`, `cancel` returned true) or it ran (`cancel`
//! returned false, the value arrives). Never both, never neither, and the
//! accounting stays consistent in every interleaving.

use super::support::{Busy, Log, logging};
use executor::sync::{Backend, thread};
use executor::{Pool, TaskError, TaskId};

/// Scenario: cancel a queued task while its worker becomes free.
pub fn cancel_races_start<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(1).build().unwrap();
    let busy = Busy::occupy(&pool);
    let log = Log::<B>::shared();
    let handle = pool.submit(logging(&log, 1)).unwrap();
    // The worker becomes free on another thread while this one cancels.
    let releaser = thread::spawn::<B, _, _>("releaser".into(), move || busy.release()).unwrap();
    let cancelled = handle.cancel();
    releaser.join().unwrap();
    let outcome = handle.join();
    if cancelled {
        assert_eq!(outcome, Err(TaskError::Cancelled(TaskId(1))));
        assert!(log.entries().is_empty(), "a cancelled task ran");
    } else {
        assert_eq!(outcome, Ok(1));
        assert_eq!(log.entries(), vec![1]);
    }
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.cancelled, u64::from(cancelled), "{m:?}");
}
