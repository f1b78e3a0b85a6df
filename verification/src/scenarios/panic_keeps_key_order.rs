//! Guarantee: a panic in the middle of a key's sequence fails that task
//! alone; the tasks behind it still run, in order.

use super::support::{Log, logging};
use crate::panics::DELIBERATE;
use executor::sync::Backend;
use executor::{Pool, TaskError};

/// Scenario P3: key 0 runs task 0, task 1 panics, task 2 still runs after.
pub fn panic_keeps_key_order<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .capacity(3)
        .build_partitioned()
        .unwrap();
    let log = Log::<B>::shared();
    let first = pool.submit(&0_u64, logging(&log, 0)).unwrap();
    let bad = pool
        .submit(&0_u64, || -> u64 { panic!("{DELIBERATE}: mid-sequence") })
        .unwrap();
    let last = pool.submit(&0_u64, logging(&log, 2)).unwrap();
    assert_eq!(first.join(), Ok(0));
    assert!(matches!(bad.join(), Err(TaskError::Panicked { .. })));
    assert_eq!(last.join(), Ok(2));
    pool.shutdown().unwrap();
    assert_eq!(
        log.entries(),
        vec![0, 2],
        "the rest of the key ran, in order"
    );
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.completed, m.failed), (2, 1));
}
