//! A fast pool's immediate shutdown, on real threads: what was queued
//! comes back (handles cancelled, closures runnable by the caller), what
//! runs finishes, from inside a task it does not wait for itself, a
//! blocked submitter gets its task back, and every lane of a partitioned
//! pool is emptied. (The race between the caller and a worker for the
//! ring's tasks is the model checkers' job: `fast_shutdown_now_accounting`
//! in `verification`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::gated;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::mpsc::channel;
use std::thread;

use executor::{FastExecutor, FastPartitionedExecutor, RejectReason, TaskError};

/// Guarantee: queued tasks come back unstarted, their handles say
/// `Cancelled`, and the caller may still run them; the running task
/// finishes; the counts balance.
#[test]
fn queued_tasks_come_back_and_may_be_run_by_the_caller() {
    let pool = FastExecutor::new(1, 8).unwrap();
    let (gate, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    let ran = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let ran = ran.clone();
            pool.submit(move || ran.fetch_add(1, SeqCst)).unwrap()
        })
        .collect();
    let unstarted = pool.shutdown_now();
    let ids: Vec<_> = handles.iter().map(|h| h.id()).collect();
    assert_eq!(unstarted.iter().map(|t| t.id()).collect::<Vec<_>>(), ids);
    for handle in handles {
        let id = handle.id();
        assert_eq!(handle.join(), Err(TaskError::Cancelled(id)));
    }
    gate.open();
    pool.shutdown().unwrap();
    assert_eq!(ran.load(SeqCst), 0, "nothing taken back ran");
    assert!(
        unstarted.into_iter().all(|t| t.run()),
        "the caller may run them"
    );
    assert_eq!(ran.load(SeqCst), 3);
    let m = pool.metrics();
    assert_eq!((m.accepted, m.completed, m.cancelled), (4, 1, 3), "{m:?}");
    assert!(m.is_consistent());
}

/// Guarantee: from inside a task, `shutdown_now` takes the queue back and
/// returns at once (it never waits, so it cannot wait for itself).
#[test]
fn from_inside_a_task_it_does_not_wait() {
    let pool = Arc::new(FastExecutor::new(1, 8).unwrap());
    let (tx, rx) = channel();
    let (gate, running, task) = gated();
    let p = pool.clone();
    pool.execute(move || {
        task();
        tx.send(p.shutdown_now().len()).unwrap();
    })
    .unwrap();
    running.recv().unwrap();
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    gate.open();
    assert_eq!(rx.recv().unwrap(), 2);
    pool.shutdown().unwrap();
    assert_eq!(pool.metrics().cancelled, 2);
}

/// Guarantee: a submitter blocked on the full ring is woken by the
/// shutdown and gets its task back, refused as `ShuttingDown`.
#[test]
fn a_blocked_submitter_gets_its_task_back() {
    let pool = Arc::new(FastExecutor::new(2, 2).unwrap());
    let (gate, running, task) = gated();
    let (other_gate, other_running, other) = gated();
    pool.execute(task).unwrap();
    pool.execute(other).unwrap();
    running.recv().unwrap();
    other_running.recv().unwrap();
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    let blocked = {
        let pool = pool.clone();
        thread::spawn(move || pool.execute(|| ()).map_err(|refused| refused.reason))
    };
    // Whether or not it had parked yet, the closed ring refuses it.
    let unstarted = pool.shutdown_now();
    assert_eq!(blocked.join().unwrap(), Err(RejectReason::ShuttingDown));
    assert_eq!(unstarted.len(), 2);
    gate.open();
    other_gate.open();
    pool.shutdown().unwrap();
}

/// Guarantee: every lane of a partitioned pool is emptied.
#[test]
fn every_lane_is_emptied() {
    let pool = FastPartitionedExecutor::new(2, 8).unwrap();
    let mut gates = Vec::new();
    for lane in 0..2 {
        let key = (0u64..).find(|k| pool.worker_for(k) == lane).unwrap();
        let (gate, running, task) = gated();
        pool.execute(&key, task).unwrap();
        running.recv().unwrap();
        pool.execute(&key, || ()).unwrap();
        gates.push(gate);
    }
    assert_eq!(pool.shutdown_now().len(), 2);
    gates.iter().for_each(|g| g.open());
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert_eq!((m.completed, m.cancelled), (2, 2), "{m:?}");
}
