//! Guarantee: `shutdown_now` accounts for every accepted task: each either
//! completed or came back unstarted with its handle saying `Cancelled`,
//! never both, never neither; on the locked pool and on the fast core,
//! where the caller races the worker for the ring's tasks.

use super::support::{Log, logging};
use executor::sync::Backend;
use executor::{FastPool, Pool, TaskError, TaskHandle, Unstarted};

/// Scenario 4: accepted = completed + returned-unstarted.
pub fn shutdown_now_accounting<B: Backend>() {
    stop_two_tasks_now!(Pool::<B>::builder().workers(1).capacity(2).build().unwrap());
}

// ANCHOR: fast_shutdown_now_accounting
/// The same on the fast core: `shutdown_now` pops the ring while the
/// worker pops it too; each task goes to one of them.
pub fn fast_shutdown_now_accounting<B: Backend>() {
    stop_two_tasks_now!(FastPool::<B>::new(1, 2).unwrap());
}

/// One body for both pools (their metrics are different types with the
/// same fields): two tasks, an immediate shutdown, then the counts.
macro_rules! stop_two_tasks_now {
    ($pool:expr) => {{
        let pool = $pool;
        let returned = two_tasks_then_stop(
            |task| pool.submit(task).unwrap(),
            || {
                let unstarted = pool.shutdown_now();
                pool.shutdown().unwrap();
                unstarted
            },
        );
        let m = pool.metrics();
        assert!(m.is_consistent(), "{m:?}");
        assert_eq!(
            (m.accepted, m.completed + returned, m.cancelled),
            (2, 2, returned),
            "{m:?}"
        );
    }};
}
use stop_two_tasks_now;

/// A task that logs its id (0 or 1) and returns it.
type Logged = Box<dyn FnOnce() -> u64 + Send>;

/// Submits tasks 0 and 1, stops the pool, and checks that each either
/// completed and ran once, or came back unstarted with its handle
/// cancelled and did not run; returns how many came back.
fn two_tasks_then_stop<B: Backend>(
    submit: impl Fn(Logged) -> TaskHandle<B, u64>,
    stop: impl FnOnce() -> Vec<Unstarted>,
) -> u64 {
    let log = Log::<B>::shared();
    let handles: Vec<_> = (0..2)
        .map(|id| submit(Box::new(logging(&log, id))))
        .collect();
    let unstarted = stop();
    let returned: Vec<u64> = unstarted.iter().map(|t| t.id().0).collect();
    let ran = log.sorted();
    for (id, handle) in (0..).zip(handles) {
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
    assert_eq!(
        ran.len() + returned.len(),
        2,
        "ran {ran:?}, came back {returned:?}"
    );
    returned.len() as u64
}
// ANCHOR_END: fast_shutdown_now_accounting
