//! Guarantee: lifecycle calls made from inside one of the pool's own tasks
//! never deadlock. `shutdown` and `await_termination` start or observe the
//! shutdown and return `LifecycleError::FromWorker` instead of waiting for
//! the caller itself; dropping the last handle to the pool inside a task
//! shuts it down without joining the worker that runs the drop.

use super::support::Latch;
use core::time::Duration;
use executor::sync::{Arc, Backend};
use executor::{LifecycleError, Pool};

/// Scenario 9a: `shutdown` and `await_termination` from inside a task.
pub fn shutdown_from_task<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(1).build().unwrap());
    let inner = pool.clone();
    let handle = pool
        .submit(move || {
            (
                inner.shutdown(),
                inner.await_termination(Duration::from_secs(5)),
            )
        })
        .unwrap();
    let (shutdown, awaited) = handle.join().unwrap();
    let from_worker = |error: Option<LifecycleError>| matches!(error, Some(LifecycleError::FromWorker { thread }) if thread == "worker-0");
    assert!(
        from_worker(shutdown.clone().err()),
        "shutdown from a task: {shutdown:?}"
    );
    assert!(
        from_worker(awaited.clone().err()),
        "await_termination from a task: {awaited:?}"
    );
    assert!(
        pool.is_shutdown(),
        "the task's shutdown call did start the shutdown"
    );
    pool.shutdown().unwrap();
    assert!(pool.is_terminated());
}

/// Scenario 9b: the last owner of the pool is a task, so the pool is
/// dropped on its own worker. The worker must then leave on its own (a
/// self-join would hang): its stop hook says it did, on every backend,
/// real threads included, where nothing else would notice a worker that
/// never ends.
pub fn dropped_from_task<B: Backend>() {
    let left = Latch::<B>::shared();
    let l = left.clone();
    let pool = Arc::<B, _>::new(
        Pool::<B>::builder()
            .workers(1)
            .capacity(1)
            .on_worker_stop(move |_| l.set())
            .build()
            .unwrap(),
    );
    let release = Latch::<B>::shared();
    let (inner, gate) = (pool.clone(), release.clone());
    let handle = pool
        .submit(move || {
            gate.wait();
            drop(inner); // the last owner: Pool::drop runs here, on worker-0
        })
        .unwrap();
    drop(pool);
    release.set();
    handle.join().unwrap();
    // The detached worker leaves its loop after running the drop.
    left.wait();
}
