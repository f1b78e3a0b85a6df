//! Guarantee: `wait_idle` returns only once nothing is queued or running,
//! completion callbacks included, and the worker that makes the pool idle
//! wakes it (no lost wake-up); the pool stays open afterwards.

use super::support::Log;
use executor::Pool;
use executor::sync::Backend;

/// Scenario: two tasks, one with a callback; `wait_idle` sees them all done.
pub fn wait_idle_wakes<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(2).build().unwrap();
    let log = Log::<B>::shared();
    let l = log.clone();
    pool.execute(move || l.push(1)).unwrap();
    let l = log.clone();
    pool.submit(|| 2_u64)
        .unwrap()
        .on_complete(move |outcome| l.push(outcome.unwrap()));
    pool.wait_idle().unwrap();
    assert_eq!(log.sorted(), vec![1, 2], "idle before the work was done");
    let m = pool.metrics();
    assert!(m.is_consistent() && m.completed == 2, "{m:?}");
    assert!(!pool.is_shutdown());
    assert_eq!(pool.submit(|| 3_u8).unwrap().join(), Ok(3));
}
