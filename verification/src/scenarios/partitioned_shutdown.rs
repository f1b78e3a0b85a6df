//! Guarantee: shutdown covers every partition. Graceful shutdown drains
//! every lane; `shutdown_now` returns the unstarted tasks of every lane and
//! the accounting stays exact.

use super::support::{Log, logging, two_lanes};
use executor::TaskError;
use executor::sync::Backend;

/// Scenario P4a: graceful shutdown runs the queued tasks of both lanes.
pub fn partitioned_shutdown_drains<B: Backend>() {
    let (pool, a, b) = two_lanes::<B>(1);
    let log = Log::<B>::shared();
    let ha = pool.submit(&a, logging(&log, 1)).unwrap();
    let hb = pool.submit(&b, logging(&log, 2)).unwrap();
    pool.shutdown().unwrap();
    assert_eq!(log.sorted(), vec![1, 2], "both lanes drained");
    assert_eq!((ha.join(), hb.join()), (Ok(1), Ok(2)));
    let m = pool.metrics();
    assert!(m.is_consistent() && m.completed == 2, "{m:?}");
}

/// Scenario P4b: `shutdown_now` across lanes: accepted = completed +
/// returned, and the returned tasks' handles say cancelled.
pub fn partitioned_shutdown_now<B: Backend>() {
    let (pool, a, b) = two_lanes::<B>(1);
    let log = Log::<B>::shared();
    let handles = vec![
        pool.submit(&a, logging(&log, 1)).unwrap(),
        pool.submit(&b, logging(&log, 2)).unwrap(),
    ];
    let unstarted = pool.shutdown_now();
    pool.shutdown().unwrap();
    let returned: Vec<u64> = unstarted.iter().map(|t| t.id().0).collect();
    let ran = log.sorted();
    for handle in handles {
        let id = handle.id();
        match handle.join() {
            Ok(value) => assert!(ran.contains(&value) && !returned.contains(&id.0)),
            Err(TaskError::Cancelled(t)) => assert!(t == id && returned.contains(&id.0)),
            Err(e) => panic!("unexpected {e}"),
        }
    }
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.accepted, m.completed + returned.len() as u64);
    assert_eq!(ran.len() as u64, m.completed);
}
