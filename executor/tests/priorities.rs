//! Priorities on real threads: the highest level first and FIFO within a
//! level, aging under a long stream of urgent work, and the paths that
//! reach into a lane from outside (cancel, discard-oldest, shutdown_now).
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::hold;
use executor::{BuildError, Executor, Priority, RejectionPolicy, TaskError};
use std::sync::{Arc, Mutex};

type Order = Arc<Mutex<Vec<&'static str>>>;

fn push(order: &Order, name: &'static str) -> impl FnOnce() + Send + 'static {
    let order = order.clone();
    move || order.lock().unwrap().push(name)
}

#[test]
fn the_highest_level_runs_first_and_each_level_in_order() {
    let pool = Executor::builder().workers(1).aging(100).build().unwrap();
    let order = Order::default();
    let (gate, busy) = hold(&pool);
    pool.execute_at(Priority::Low, push(&order, "low 1"))
        .unwrap();
    pool.execute(push(&order, "normal 1")).unwrap();
    pool.execute_at(Priority::High, push(&order, "high 1"))
        .unwrap();
    pool.execute_at(Priority::Low, push(&order, "low 2"))
        .unwrap();
    pool.execute_at(Priority::High, push(&order, "high 2"))
        .unwrap();
    gate.open();
    busy.join().unwrap();
    pool.wait_idle().unwrap();
    assert_eq!(
        *order.lock().unwrap(),
        ["high 1", "high 2", "normal 1", "low 1", "low 2"]
    );
    pool.shutdown().unwrap();
}

#[test]
fn a_low_task_runs_within_its_bound_under_a_stream_of_urgent_work() {
    let pool = Executor::builder().workers(1).aging(3).build().unwrap();
    let order = Order::default();
    let (gate, busy) = hold(&pool);
    pool.execute_at(Priority::Low, push(&order, "low")).unwrap();
    for _ in 0..10 {
        pool.execute_at(Priority::High, push(&order, "high"))
            .unwrap();
    }
    gate.open();
    busy.join().unwrap();
    pool.wait_idle().unwrap();
    let position = order.lock().unwrap().iter().position(|t| *t == "low");
    assert_eq!(position, Some(3), "passed over by exactly the bound");
    pool.shutdown().unwrap();
}

#[test]
fn cancel_finds_a_queued_task_at_any_level() {
    let pool = Executor::builder().workers(1).build().unwrap();
    let (gate, busy) = hold(&pool);
    let low = pool.submit_at(Priority::Low, || 1).unwrap();
    let high = pool.submit_at(Priority::High, || 2).unwrap();
    let low_id = low.id();
    assert!(low.cancel(), "cancelled before it started");
    assert_eq!(low.join(), Err(TaskError::Cancelled(low_id)));
    gate.open();
    busy.join().unwrap();
    assert_eq!(high.join(), Ok(2));
    assert_eq!(pool.metrics().cancelled, 1);
    pool.shutdown().unwrap();
}

#[test]
fn discard_oldest_evicts_the_least_important_work_first() {
    let pool = Executor::builder()
        .workers(1)
        .capacity(2)
        .policy(RejectionPolicy::DiscardOldest)
        .build()
        .unwrap();
    let (gate, busy) = hold(&pool);
    let high = pool.submit_at(Priority::High, || "high").unwrap();
    let low = pool.submit_at(Priority::Low, || "low").unwrap();
    let normal = pool.submit(|| "normal").unwrap(); // full: evicts the low one
    gate.open();
    busy.join().unwrap();
    assert_eq!(low.join(), Err(TaskError::Discarded(executor::TaskId(2))));
    assert_eq!((high.join(), normal.join()), (Ok("high"), Ok("normal")));
    pool.shutdown().unwrap();
}

#[test]
fn shutdown_now_hands_back_every_level_in_acceptance_order() {
    let pool = Executor::builder().workers(1).build().unwrap();
    let (gate, busy) = hold(&pool);
    let ids: Vec<_> = [Priority::Low, Priority::High, Priority::Normal]
        .into_iter()
        .map(|p| pool.submit_at(p, || ()).unwrap().id())
        .collect();
    let unstarted: Vec<_> = pool.shutdown_now().iter().map(|u| u.id()).collect();
    assert_eq!(unstarted, ids);
    gate.open();
    busy.join().unwrap();
    pool.shutdown().unwrap();
}

#[test]
fn an_aging_bound_of_zero_is_a_build_error() {
    let zero = Executor::builder().aging(0).build();
    assert!(matches!(zero, Err(BuildError::ZeroAging)));
}
