//! Guarantee: every accepted task runs exactly once, and its handle returns
//! its value. Two workers race to pop three tasks (two under loom, to keep
//! the model small).

use super::support::{Log, logging};
use executor::Pool;
use executor::sync::Backend;

// ANCHOR: no_task_lost
/// Scenario 1: no task lost, none run twice.
pub fn no_task_lost<B: Backend>() {
    let tasks = if B::NAME == "loom" { 2 } else { 3 };
    let pool = Pool::<B>::builder().workers(2).capacity(4).build().unwrap();
    let log = Log::<B>::shared();
    let handles: Vec<_> = (0..tasks)
        .map(|id| pool.submit(logging(&log, id)).unwrap())
        .collect();
    for (id, handle) in (0..tasks).zip(handles) {
        assert_eq!(handle.join(), Ok(id), "task {id}'s handle");
    }
    pool.shutdown().unwrap();
    assert_eq!(
        log.sorted(),
        (0..tasks).collect::<Vec<_>>(),
        "each task ran exactly once"
    );
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.completed, tasks);
}
// ANCHOR_END: no_task_lost
