//! Guarantee: the accounting invariant holds in every snapshot, including
//! those taken while tasks are queued and running.

use executor::sync::Backend;
use executor::{Metrics, Pool};

// ANCHOR: metrics_consistent
fn check(m: Metrics) {
    assert!(m.is_consistent(), "inconsistent snapshot: {m:?}");
}

/// Scenario 7: snapshots taken while work is in flight are consistent.
pub fn metrics_consistent<B: Backend>() {
    let pool = Pool::<B>::builder().workers(2).capacity(2).build().unwrap();
    let first = pool.submit(|| 1_u8).unwrap();
    check(pool.metrics());
    let second = pool.submit(|| 2_u8).unwrap();
    check(pool.metrics());
    assert_eq!(first.join(), Ok(1));
    check(pool.metrics());
    assert_eq!(second.join(), Ok(2));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    check(m);
    assert_eq!(
        (m.submitted, m.completed, m.queued, m.running),
        (2, 2, 0, 0)
    );
}
// ANCHOR_END: metrics_consistent
