//! Guarantee: the accounting invariant holds in every snapshot, including
//! those taken while tasks are queued and running, and while a submitter is
//! blocked waiting for a slot (it counts as `waiting`).

use super::support::Busy;
use executor::sync::{Arc, Backend, thread};
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

/// A submitter blocked on a full queue is `waiting`: snapshots taken while
/// it waits are consistent, and it leaves `waiting` once admitted.
pub fn metrics_consistent_while_blocked<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(1).build().unwrap());
    let busy = Busy::occupy(&pool);
    let queued = pool.submit(|| 1_u8).unwrap(); // the queue is full now
    let p = pool.clone();
    let submitter = thread::spawn::<B, _, _>("submitter".into(), move || {
        p.submit(|| 2_u8).unwrap().join() // blocks until a slot frees
    })
    .unwrap();
    check(pool.metrics()); // the submitter may be blocked here, or not yet
    busy.release();
    assert_eq!(queued.join(), Ok(1));
    assert_eq!(submitter.join().unwrap(), Ok(2));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    check(m);
    assert_eq!((m.submitted, m.accepted, m.waiting), (3, 3, 0), "{m:?}");
}
