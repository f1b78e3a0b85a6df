//! Guarantee: a resize loses nothing, runs nothing twice, and keeps per-key
//! order across the move: a key's queued tasks finish on its old worker
//! before any new task of it starts on the new one.

use super::support::{Latch, Log, gated, key_routed, logging};
use executor::Pool;
use executor::sync::Backend;

// ANCHOR: resize_keeps_order
/// Scenario P5: grow from 1 to 2 workers while key `k` (which moves to the
/// new worker) has a task queued behind a blocked one; its next task must
/// not overtake it.
pub fn resize_keeps_order<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .max_workers(2)
        .capacity(2)
        .build_partitioned()
        .unwrap();
    let gate_key = key_routed(1, 0, 2, 0); // stays on worker 0
    let k = key_routed(1, 0, 2, 1); // moves to worker 1
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let log = Log::<B>::shared();
    let blocker = pool.submit(&gate_key, gated(&started, &release)).unwrap();
    let old = pool.submit(&k, logging(&log, 1)).unwrap();
    pool.resize(2).unwrap();
    assert_eq!(
        pool.worker_for(&k),
        0,
        "k stays with its old worker while it has tasks there"
    );
    let new = pool.submit(&k, logging(&log, 2)).unwrap();
    release.set();
    assert_eq!((old.join(), new.join()), (Ok(1), Ok(2)));
    blocker.join().unwrap();
    assert_eq!(
        pool.worker_for(&k),
        1,
        "once drained, k routes to its new worker"
    );
    pool.shutdown().unwrap();
    assert_eq!(
        log.entries(),
        vec![1, 2],
        "k's tasks ran once each, in order"
    );
    let m = pool.metrics();
    assert!(m.is_consistent() && m.completed == 3, "{m:?}");
}
// ANCHOR_END: resize_keeps_order
