//! Many tasks at once: a `TaskSet` yields results in completion order and
//! waits for any or all with a deadline; `Pool::map` keeps input order with
//! a bounded number of tasks in flight. Tasks finish in the order the test
//! opens their gates; `within` is a watchdog only.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;
use common::{HANG, silence_deliberate_panics, within};

use executor::{Executor, MapError, RejectReason, TaskError, TaskSet, WaitTimedOut};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[test]
fn a_task_set_yields_in_completion_order() {
    let pool = Executor::builder().workers(3).build().unwrap();
    let gates: Vec<Arc<Gate>> = (0..3).map(|_| Arc::new(Gate::new())).collect();
    let mut set = TaskSet::new();
    for (i, gate) in gates.iter().enumerate() {
        let gate = gate.clone();
        set.insert(
            pool.submit(move || {
                gate.pass();
                i
            })
            .unwrap(),
        );
    }
    assert_eq!(set.len(), 3);
    assert_eq!(set.join_next_timeout(Duration::ZERO), Err(WaitTimedOut));
    let mut order = Vec::new();
    for i in [2, 0, 1] {
        gates[i].open();
        let (_, value) = set.join_next_timeout(HANG).unwrap().expect("one finished");
        order.push(value.unwrap());
    }
    assert_eq!(order, vec![2, 0, 1], "results come as the tasks finish");
    assert!(set.is_empty());
    assert_eq!(set.join_next(), None);
    assert_eq!(set.join_next_timeout(HANG), Ok(None));
}

#[test]
fn wait_all_waits_for_the_last_and_keeps_the_results() {
    let pool = Executor::builder().workers(2).build().unwrap();
    let gate = Arc::new(Gate::new());
    let mut set = TaskSet::new();
    set.insert(pool.submit(|| 1).unwrap());
    let g = gate.clone();
    set.insert(
        pool.submit(move || {
            g.pass();
            2
        })
        .unwrap(),
    );
    assert!(
        !set.wait_all_timeout(Duration::from_millis(1)),
        "one is held"
    );
    gate.open();
    assert!(set.wait_all_timeout(HANG));
    let mut values: Vec<i32> = set
        .join_all()
        .into_iter()
        .map(|(_, v)| v.unwrap())
        .collect();
    values.sort_unstable();
    assert_eq!(values, vec![1, 2]);
}

#[test]
fn a_task_set_reports_failures_and_cancellations() {
    silence_deliberate_panics();
    let pool = Executor::builder().workers(1).capacity(4).build().unwrap();
    let gate = Arc::new(Gate::new());
    let mut set = TaskSet::new();
    let g = gate.clone();
    set.insert(
        pool.submit(move || {
            g.pass();
            0
        })
        .unwrap(),
    );
    set.insert(
        pool.submit(|| -> i32 { panic!("deliberate: a failing task") })
            .unwrap(),
    );
    let queued = pool.submit(|| 2).unwrap();
    let id = queued.id();
    assert!(queued.cancel());
    set.insert(queued); // already resolved: its outcome arrives at once
    gate.open();
    let outcomes = within("a set of three", move || set.join_all());
    assert_eq!(outcomes.len(), 3);
    assert!(outcomes.contains(&(id, Err(TaskError::Cancelled(id)))));
    assert!(
        outcomes
            .iter()
            .any(|(_, o)| matches!(o, Err(TaskError::Panicked { .. })))
    );
}

#[test]
fn map_keeps_input_order_when_tasks_finish_out_of_order() {
    let pool = Executor::builder().workers(4).build().unwrap();
    let gates: Arc<Vec<Gate>> = Arc::new((0..4).map(|_| Gate::new()).collect());
    // Later inputs are let through first: the last opens the others.
    let g = gates.clone();
    gates[3].open();
    let results: Vec<_> = pool
        .map(
            0..4_usize,
            move |i| {
                g[i].pass();
                if i > 0 {
                    g[i - 1].open();
                }
                i * 10
            },
            4,
        )
        .collect();
    assert_eq!(results, vec![Ok(0), Ok(10), Ok(20), Ok(30)]);
}

#[test]
fn map_keeps_at_most_in_flight_tasks_submitted() {
    let pool = Executor::builder().workers(2).build().unwrap();
    let seen = Arc::new(AtomicUsize::new(0));
    let s = seen.clone();
    let map = pool.map(
        0..10_u64,
        move |x| {
            // Relaxed: only a count of calls.
            s.fetch_add(1, Ordering::Relaxed);
            x
        },
        3,
    );
    let mut yielded = 0_u64;
    for value in map {
        assert_eq!(value, Ok(yielded));
        yielded += 1;
        let accepted = pool.metrics().accepted;
        assert!(
            accepted <= yielded + 3,
            "{accepted} tasks accepted after {yielded} results: more than 3 in flight"
        );
    }
    assert_eq!(yielded, 10);
}

#[test]
fn map_reports_refusals_and_panics_per_input() {
    silence_deliberate_panics();
    let pool = Executor::builder().workers(1).build().unwrap();
    let results: Vec<_> = pool
        .map(
            [1, 0, 2],
            |x: i32| {
                if x == 0 {
                    panic!("deliberate: zero")
                } else {
                    x
                }
            },
            2,
        )
        .collect();
    assert_eq!(results[0], Ok(1));
    assert!(matches!(
        results[1],
        Err(MapError::Failed(TaskError::Panicked { .. }))
    ));
    assert_eq!(results[2], Ok(2));
    pool.shutdown().unwrap();
    let refused: Vec<_> = pool.map(0..2, |x: i32| x, 1).collect();
    assert_eq!(
        refused,
        vec![Err(MapError::Rejected(RejectReason::ShuttingDown)); 2]
    );
}
