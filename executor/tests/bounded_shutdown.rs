//! A task that never ends cannot hold a shutdown for ever:
//! `shutdown_timeout` returns at its deadline with a report of what is
//! still running and queued, and the pool finishes shutting down once the
//! task returns. The task waits at a gate the test opens; the only timing
//! is the shutdown's own deadline, which is what is under test.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;

use executor::{Executor, RejectReason};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

#[test]
fn shutdown_timeout_reports_a_task_that_does_not_end() {
    let pool = Executor::builder().workers(1).build().unwrap();
    // A task that came and went: the report must not name it.
    assert_eq!(pool.submit(|| "done").unwrap().join(), Ok("done"));
    let gate = Arc::new(Gate::new());
    let (started, running) = mpsc::channel();
    let g = gate.clone();
    let stuck = pool
        .submit(move || {
            started.send(()).unwrap();
            g.pass(); // "never" ends: not until the test opens the gate
            "stuck"
        })
        .unwrap();
    running.recv().unwrap();
    let queued = pool.submit(|| "queued").unwrap();

    let timeout = Duration::from_millis(50);
    let began = Instant::now();
    let report = pool.shutdown_timeout(timeout).unwrap();
    let waited = began.elapsed();
    assert!(!report.terminated, "{report:?}");
    assert_eq!(report.running, vec![stuck.id()], "{report:?}");
    assert_eq!(report.queued, 1, "{report:?}");
    assert!(
        waited >= timeout,
        "returned before its deadline: {waited:?}"
    );
    assert!(
        waited < Duration::from_secs(10),
        "held past its deadline: {waited:?}"
    );
    // Shutting down: no new task, and what was accepted still runs.
    let refused = pool.submit(|| "late").unwrap_err();
    assert_eq!(refused.reason, RejectReason::ShuttingDown);
    gate.open();
    assert_eq!(stuck.join(), Ok("stuck"));
    assert_eq!(queued.join(), Ok("queued"));
    pool.shutdown().unwrap();
    assert!(pool.is_terminated());
}

#[test]
fn shutdown_timeout_on_a_partitioned_pool_terminates_when_work_ends() {
    let pool = Executor::builder().workers(2).build_partitioned().unwrap();
    let handles: Vec<_> = (0..8)
        .map(|i| pool.submit(&i, move || i * 2).unwrap())
        .collect();
    let report = pool.shutdown_timeout(Duration::from_secs(10)).unwrap();
    assert!(
        report.terminated && report.running.is_empty() && report.queued == 0,
        "{report:?}"
    );
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join(), Ok(i * 2));
    }
}
