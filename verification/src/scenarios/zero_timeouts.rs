//! Guarantee: a zero timeout never waits. `submit_timeout` with a zero
//! timeout on a full queue hands the task back at once (`Full`), and
//! `await_termination` with a zero timeout on a running pool says `false`
//! at once. (Under the model checkers time stands still, so a deadline
//! test that is off by one waits for ever and is reported as a deadlock.)

use super::support::Busy;
use executor::sync::Backend;
use executor::{Pool, RejectReason};
use std::time::Duration;

/// Scenario: both timed waits honour a zero timeout.
pub fn zero_timeouts<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(1).build().unwrap();
    let busy = Busy::occupy(&pool);
    let queued = pool.submit(|| 1_u8).unwrap(); // the queue is full now
    let refused = pool
        .submit_timeout(|| 2_u8, Duration::ZERO)
        .expect_err("a full queue and no time to wait: refused");
    assert_eq!(refused.reason, RejectReason::Full);
    assert_eq!(pool.await_termination(Duration::ZERO), Ok(false));
    busy.release();
    assert_eq!(queued.join(), Ok(1));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.rejected, m.waiting), (1, 0), "{m:?}");
}
