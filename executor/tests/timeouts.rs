//! `submit_timeout` on real threads: a submitter waiting with a deadline
//! counts as `waiting` for exactly as long as it waits, is admitted into
//! a freed slot, and gives up at its deadline, not later. And
//! `is_terminated` says false until the workers have left. Tasks wait at
//! a gate the test opens; the clock is only read to bound the give-up.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::hold;
use common::{HANG, within};

use executor::sync::{Backend, Std};
use executor::{Executor, RejectReason};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[test]
fn a_timed_submitter_is_waiting_until_a_slot_frees() {
    let pool = Arc::new(Executor::builder().workers(1).capacity(1).build().unwrap());
    let (gate, busy) = hold(&pool);
    pool.try_submit(|| 0).unwrap(); // the queue is full
    let p = pool.clone();
    let submitter = std::thread::spawn(move || p.submit_timeout(|| 1, HANG).map_err(|r| r.reason));
    let p = pool.clone();
    within("the timed submitter to block", move || {
        while p.metrics().waiting != 1 {
            std::thread::yield_now();
        }
    });
    let m = pool.metrics();
    assert!(m.is_consistent() && m.waiting == 1, "{m:?}");
    gate.open();
    let admitted = within("the timed submitter", move || submitter.join().unwrap());
    assert_eq!(
        admitted.expect("admitted into the freed slot").join(),
        Ok(1)
    );
    busy.join().unwrap();
    let m = pool.metrics();
    assert!(
        m.is_consistent() && m.waiting == 0 && m.rejected == 0,
        "{m:?}"
    );
}

#[test]
fn a_timed_submitter_gives_up_at_its_deadline() {
    // Age the backend's clock, so that a wait computed from the wrong end
    // of it (the deadline plus now) would be visibly too long.
    let _ = Std::now();
    std::thread::sleep(Duration::from_millis(600));
    let pool = Executor::builder().workers(1).capacity(1).build().unwrap();
    let (gate, busy) = hold(&pool);
    pool.try_submit(|| 0).unwrap();
    let started = Instant::now();
    let refused = pool
        .submit_timeout(|| 1, Duration::from_millis(10))
        .unwrap_err();
    let took = started.elapsed();
    assert_eq!(refused.reason, RejectReason::Full);
    assert!(
        took < Duration::from_millis(400),
        "gave up after {took:?}, for a 10 ms timeout"
    );
    let m = pool.metrics();
    assert!(
        m.is_consistent() && m.waiting == 0 && m.rejected == 1,
        "{m:?}"
    );
    gate.open();
    busy.join().unwrap();
}

#[test]
fn the_pool_is_terminated_only_once_its_workers_left() {
    let pool = Executor::builder().workers(2).build().unwrap();
    assert!(!pool.is_terminated(), "workers are serving");
    let (gate, busy) = hold(&pool);
    let _ = pool.shutdown_now();
    assert!(!pool.is_terminated(), "a worker is still running its task");
    gate.open();
    busy.join().unwrap();
    pool.shutdown().unwrap();
    assert!(pool.is_terminated());
}
