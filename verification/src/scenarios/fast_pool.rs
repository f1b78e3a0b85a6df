//! Guarantees of the fast core as a pool: the same promises as the locked
//! pool's scenarios (nothing lost, nothing run twice, a blocked submitter
//! gets in, shutdown drains and terminates, per-key order, panics
//! isolated), now kept by a lock-free ring and the parking protocol.

use super::support::{Log, accepted_or_refused, logging};
use executor::sync::{Arc, Backend, thread};
use executor::{FastPartitionedPool, FastPool};

// ANCHOR: fast_no_task_lost
/// Two tasks, one with a handle and one without: each runs exactly once,
/// and after shutdown the counters are exact. (One worker: two workers
/// racing for a lane are checked on the ring and parking themselves, by
/// `ring_two_consumers` and `parking_wakes_each`.)
pub fn fast_no_task_lost<B: Backend>() {
    let pool = FastPool::<B>::new(1, 2).unwrap();
    let log = Log::<B>::shared();
    let first = pool.submit(logging(&log, 1)).unwrap();
    let second = logging(&log, 2);
    pool.execute(move || {
        second();
    })
    .unwrap();
    assert_eq!(first.join(), Ok(1));
    pool.shutdown().unwrap();
    assert_eq!(log.sorted(), vec![1, 2], "each task ran exactly once");
    let m = pool.metrics();
    assert_eq!((m.accepted, m.completed, m.queued), (2, 2, 0), "{m:?}");
}
// ANCHOR_END: fast_no_task_lost

// ANCHOR: fast_blocked_submitter_wakes
/// The smallest ring (two slots) and one worker: a later submit can find
/// the ring full and park; the worker taking a task must wake it.
pub fn fast_blocked_submitter_wakes<B: Backend>() {
    let pool = FastPool::<B>::new(1, 1).unwrap();
    let handles: Vec<_> = (0..3_u32)
        .map(|value| pool.submit(move || value).unwrap())
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
    assert_eq!(results, vec![Ok(0), Ok(1), Ok(2)]);
    pool.shutdown().unwrap();
}
// ANCHOR_END: fast_blocked_submitter_wakes

// ANCHOR: fast_shutdown_races_submit
/// Shutdown races a submit from another thread: an accepted task runs, a
/// refused one comes back with `ShuttingDown`, and the worker leaves (the
/// push may still be publishing when the worker looks at the closed ring).
pub fn fast_shutdown_races_submit<B: Backend>() {
    let pool = Arc::<B, _>::new(FastPool::<B>::new(1, 2).unwrap());
    let log = Log::<B>::shared();
    let submitter = {
        let (pool, log) = (pool.clone(), log.clone());
        thread::spawn::<B, _, _>("submitter".into(), move || {
            accepted_or_refused(pool.submit(logging(&log, 1)))
        })
        .unwrap()
    };
    pool.shutdown().unwrap();
    let accepted = submitter.join().unwrap();
    assert_eq!(log.sorted(), vec![1], "it ran exactly once, here or there");
    let m = pool.metrics();
    assert_eq!(m.completed, u64::from(accepted), "{m:?}");
    assert_eq!(m.rejected, u64::from(!accepted), "{m:?}");
}
// ANCHOR_END: fast_shutdown_races_submit

// ANCHOR: fast_metrics_never_overcount
/// A snapshot taken while a worker runs tasks never shows more finished
/// than accepted; once shut down it is exact.
pub fn fast_metrics_never_overcount<B: Backend>() {
    let pool = FastPool::<B>::new(1, 2).unwrap();
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    let during = pool.metrics();
    assert!(during.is_consistent(), "finished > accepted: {during:?}");
    pool.shutdown().unwrap();
    let after = pool.metrics();
    assert_eq!(
        (after.accepted, after.completed, after.queued),
        (2, 2, 0),
        "{after:?}"
    );
}
// ANCHOR_END: fast_metrics_never_overcount

// ANCHOR: fast_per_key_fifo
/// A partitioned fast pool with two workers (so two lanes): two tasks of
/// one key, with no handle to join in between, run in submission order.
pub fn fast_per_key_fifo<B: Backend>() {
    let pool = FastPartitionedPool::<B>::new(2, 2).unwrap();
    let log = Log::<B>::shared();
    for id in 1..=2 {
        let task = logging(&log, id);
        pool.execute(&"a", move || {
            task();
        })
        .unwrap();
    }
    pool.shutdown().unwrap();
    assert_eq!(log.entries(), vec![1, 2], "one key, in submission order");
}
// ANCHOR_END: fast_per_key_fifo
