//! Guarantee: a shutdown with a deadline that the work meets is a graceful
//! shutdown: every accepted task runs, the report says terminated with
//! nothing left, and no wake-up is lost on the way (the deadline never
//! fires under the model checkers, so only the workers' notify ends it).

use executor::Pool;
use executor::sync::Backend;
use std::time::Duration;

/// Scenario: `shutdown_timeout` drains and reports termination.
pub fn shutdown_timeout<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(2).build().unwrap();
    let first = pool.submit(|| 1_u8).unwrap();
    let second = pool.submit(|| 2_u8).unwrap();
    let report = pool.shutdown_timeout(Duration::from_secs(60)).unwrap();
    assert!(report.terminated, "{report:?}");
    assert!(
        report.running.is_empty() && report.queued == 0,
        "{report:?}"
    );
    assert_eq!((first.join(), second.join()), (Ok(1), Ok(2)));
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.completed, 2, "{m:?}");
}
