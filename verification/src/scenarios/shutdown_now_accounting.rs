//! Guarantee: `shutdown_now` accounts for every accepted task: each either
//! completed or came back unstarted with its handle saying `Cancelled`.

use super::support::{Log, logging};
use executor::sync::Backend;
use executor::{Pool, TaskError};

/// Scenario 4: accepted = completed + returned-unstarted.
pub fn shutdown_now_accounting<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(2).build().unwrap();
    let log = Log::<B>::shared();
    let handles: Vec<_> = (0..2)
        .map(|id| pool.submit(logging(&log, id)).unwrap())
        .collect();
    let unstarted = pool.shutdown_now();
    pool.shutdown().unwrap();
    let returned: Vec<u64> = unstarted.iter().map(|t| t.id().0).collect();
    let ran = log.sorted();
    for (id, handle) in (0..2).zip(handles) {
        match handle.join() {
            Ok(value) => assert!(value == id && ran.contains(&id), "task {id} completed"),
            Err(TaskError::Cancelled(t)) => {
                assert_eq!(t.0, id);
                assert!(
                    returned.contains(&id) && !ran.contains(&id),
                    "task {id} cancelled"
                );
            }
            Err(e) => panic!("task {id}: unexpected {e}"),
        }
    }
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.accepted, m.completed + returned.len() as u64, "{m:?}");
    assert_eq!(m.cancelled, returned.len() as u64);
    assert_eq!(ran.len() as u64, m.completed);
}
