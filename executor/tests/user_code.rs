//! User code never runs under the pool's lock or outside its panic
//! boundary, so no `Drop` of a task's value or panic payload can kill a
//! worker or deadlock the pool; and a pool's own `Drop` lets its workers go
//! (defects seen on real threads, now fixed, each test failing before):
//!
//! - `a_result_whose_drop_panics_leaves_the_worker_alive` (shared and
//!   partitioned): a task whose handle was dropped first returns a value
//!   whose `Drop` panics. Before the fix the worker dropped it under the
//!   pool's lock and outside `catch_unwind`: the worker died, the next task
//!   never ran and `shutdown` hung.
//! - `a_result_whose_drop_calls_into_the_pool_does_not_deadlock`: the
//!   value's `Drop` reads `metrics()`; before the fix it deadlocked on the
//!   pool's own lock.
//! - `a_panic_payload_whose_drop_panics_leaves_the_worker_alive`: the
//!   payload was dropped outside `catch_unwind`.
//! - `discard_oldest_evicts_one_task_per_submit`: on a partitioned pool a
//!   submit whose key had moved could evict two tasks, the first of them
//!   reported `Cancelled` instead of `Discarded`.
//! - `a_pool_dropped_while_its_owner_panics_lets_its_workers_go`: the
//!   pool's `Drop` did nothing during unwinding, so its workers idled until
//!   the process ended.
//!
//! Tasks wait at a gate the test opens; a watchdog turns a hang into a
//! failure and is never what orders anything.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;
use common::{HANG, within};

use executor::routing::worker_for;
use executor::{Executor, RejectionPolicy, TaskError};
use std::sync::{Arc, mpsc};

/// A value whose `Drop` panics.
struct PanicsOnDrop;

impl Drop for PanicsOnDrop {
    fn drop(&mut self) {
        panic!("deliberate panic in a value's Drop");
    }
}

/// Keeps the deliberate panics of this file quiet: string messages that
/// start with "deliberate", and `PanicsOnDrop` payloads.
fn quiet() {
    common::silence_panics_also(|payload| payload.is::<PanicsOnDrop>());
}

#[test]
fn a_result_whose_drop_panics_leaves_the_worker_alive() {
    quiet();
    let pool = Arc::new(Executor::builder().workers(1).build().unwrap());
    let gate = Arc::new(Gate::new());
    let g = gate.clone();
    // The handle is dropped before the task ends: the worker drops the value.
    drop(pool.submit(move || {
        g.pass();
        PanicsOnDrop
    }));
    gate.open();
    let p = pool.clone();
    let after = within("the next task", move || p.submit(|| 7).unwrap().join());
    assert_eq!(after, Ok(7), "the only worker died with the value's Drop");
    let p = pool.clone();
    within("shutdown", move || p.shutdown()).unwrap();
    let m = pool.metrics();
    assert_eq!((m.completed, m.failed), (2, 0), "{m:?}");
}

#[test]
fn a_result_whose_drop_panics_leaves_the_worker_alive_partitioned() {
    quiet();
    let pool = Arc::new(Executor::builder().workers(2).build_partitioned().unwrap());
    let gate = Arc::new(Gate::new());
    let g = gate.clone();
    drop(pool.submit("account-7", move || {
        g.pass();
        PanicsOnDrop
    }));
    gate.open();
    let p = pool.clone();
    let after = within("the key's next task", move || {
        p.submit("account-7", || 7).unwrap().join()
    });
    assert_eq!(after, Ok(7), "the lane's worker died with the value's Drop");
    let p = pool.clone();
    within("shutdown", move || p.shutdown()).unwrap();
}

/// A value whose `Drop` reads the pool's metrics and reports them.
struct ReadsMetrics {
    pool: Arc<Executor>,
    seen: mpsc::Sender<u64>,
}

impl Drop for ReadsMetrics {
    fn drop(&mut self) {
        let _ = self.seen.send(self.pool.metrics().completed);
    }
}

#[test]
fn a_result_whose_drop_calls_into_the_pool_does_not_deadlock() {
    let pool = Arc::new(Executor::builder().workers(1).build().unwrap());
    let gate = Arc::new(Gate::new());
    let (seen, dropped) = mpsc::channel();
    let (g, p) = (gate.clone(), pool.clone());
    drop(pool.submit(move || {
        g.pass();
        ReadsMetrics { pool: p, seen }
    }));
    gate.open();
    let completed = dropped
        .recv_timeout(HANG)
        .expect("the value's Drop deadlocked on the pool's lock");
    assert_eq!(
        completed, 1,
        "the task was accounted before its value dropped"
    );
    let p = pool.clone();
    assert_eq!(
        within("the next task", move || p.submit(|| 7).unwrap().join()),
        Ok(7)
    );
    let p = pool.clone();
    within("shutdown", move || p.shutdown()).unwrap();
}

#[test]
fn a_panic_payload_whose_drop_panics_leaves_the_worker_alive() {
    quiet();
    let pool = Arc::new(Executor::builder().workers(1).build().unwrap());
    let failed = pool.submit(|| std::panic::panic_any(PanicsOnDrop)).unwrap();
    let outcome = within("the panicking task", move || failed.join());
    assert!(
        matches!(outcome, Err(TaskError::Panicked { .. })),
        "{outcome:?}"
    );
    let p = pool.clone();
    let after = within("the next task", move || p.submit(|| 7).unwrap().join());
    assert_eq!(after, Ok(7), "the only worker died with the payload's Drop");
    let p = pool.clone();
    within("shutdown", move || p.shutdown()).unwrap();
}

/// The first key of `key-0`, `key-1`, ... on lane `before` of 2 workers and
/// on lane `after` of 3.
fn key_moving(before: usize, after: usize) -> String {
    (0..)
        .map(|i| format!("key-{i}"))
        .find(|k| worker_for(k, 2) == before && worker_for(k, 3) == after)
        .expect("such a key")
}

/// The first key of `key-0`, `key-1`, ... on `lane` of both 2 and 3 workers
/// (or, for lane 2, of 3 workers), other than `not`.
fn key_staying(lane: usize, not: &str) -> String {
    (0..)
        .map(|i| format!("key-{i}"))
        .find(|k| k != not && worker_for(k, 3) == lane && (lane == 2 || worker_for(k, 2) == lane))
        .expect("such a key")
}

#[test]
fn discard_oldest_evicts_one_task_per_submit() {
    let pool = Executor::builder()
        .workers(2)
        .max_workers(3)
        .capacity(1)
        .policy(RejectionPolicy::DiscardOldest)
        .build_partitioned()
        .unwrap();
    let moving = key_moving(0, 2);
    let (on_0, on_2) = (key_staying(0, &moving), key_staying(2, &moving));
    let gate = Arc::new(Gate::new());
    let (started, running) = mpsc::channel();
    let hold = |key: &str| {
        let (g, s) = (gate.clone(), started.clone());
        pool.submit(key, move || {
            s.send(()).unwrap();
            g.pass();
        })
        .unwrap()
    };
    // Lane 0: its worker busy, its one slot taken by the moving key's task.
    let busy_0 = hold(&on_0);
    running.recv_timeout(HANG).expect("lane 0's task started");
    let first = pool.submit(&moving, || "first").unwrap();
    // Three workers: the moving key now hashes to lane 2, but its queued
    // task keeps it on lane 0 until that task is gone.
    pool.resize(3).unwrap();
    let busy_2 = hold(&on_2);
    running.recv_timeout(HANG).expect("lane 2's task started");
    let queued_2 = pool.submit(&on_2, || "queued on lane 2").unwrap();
    // Lane 0 is full: evict its oldest (the moving key's first task), and
    // nothing else.
    let second = pool.submit(&moving, || "second").unwrap();
    let first_id = first.id();
    assert_eq!(first.join(), Err(TaskError::Discarded(first_id)));
    gate.open();
    assert_eq!(second.join(), Ok("second"));
    assert_eq!(
        queued_2.join(),
        Ok("queued on lane 2"),
        "a second task was evicted"
    );
    busy_0.join().unwrap();
    busy_2.join().unwrap();
    assert_eq!(pool.metrics().discarded, 1);
    pool.shutdown().unwrap();
}

thread_local! {
    /// Set on a worker by a task: its destructor runs when the worker's
    /// thread ends, and reports it.
    static ON_EXIT: std::cell::RefCell<Option<ExitSignal>> = const { std::cell::RefCell::new(None) };
}

/// Sends once its thread ends.
struct ExitSignal(mpsc::Sender<()>);

impl Drop for ExitSignal {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

/// Dropping a pool while its owner unwinds from a panic closes it without
/// waiting: its workers still leave (before the fix they idled until the
/// process ended).
#[test]
fn a_pool_dropped_while_its_owner_panics_lets_its_workers_go() {
    quiet();
    let (exited, exit) = mpsc::channel();
    let owner = std::thread::spawn(move || {
        let pool = Executor::builder().workers(1).build().unwrap();
        pool.submit(move || ON_EXIT.with(|slot| *slot.borrow_mut() = Some(ExitSignal(exited))))
            .unwrap()
            .join()
            .unwrap();
        panic!("deliberate panic while owning a pool");
    });
    assert!(owner.join().is_err(), "the owner panicked");
    exit.recv_timeout(HANG)
        .expect("the worker never left: the pool leaked it");
}
