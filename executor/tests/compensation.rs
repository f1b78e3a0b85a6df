//! Compensating workers on real threads: a stuck task gets one extra
//! worker so the queue behind it keeps moving, never more than one, never
//! past `max_workers`, and the extra worker leaves once the stuck task
//! ends.
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::gated;
use common::within;
use executor::sync::Std;
use executor::{Executor, ManualClock, ResizeError};
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);

/// A shared pool of `workers`, up to `max`, keeping time on `clock`.
fn timed_pool(workers: usize, max: usize, clock: &ManualClock<Std>) -> executor::Executor {
    Executor::builder()
        .workers(workers)
        .max_workers(max)
        .clock(clock.clone())
        .timed()
        .build()
        .unwrap()
}

#[test]
fn a_stuck_task_gets_one_extra_worker_which_leaves_after_it() {
    within("a compensated pool", || {
        let clock = ManualClock::<Std>::new();
        let pool = timed_pool(1, 3, &clock);
        let (gate, running, hung) = gated();
        let hung = pool.submit(hung).unwrap();
        running.recv().unwrap();
        let behind = pool.submit(|| "ran").unwrap();
        assert!(pool.compensate(MINUTE).unwrap().is_empty(), "not stuck yet");
        clock.advance(2 * MINUTE);
        assert_eq!(pool.compensate(MINUTE).unwrap(), vec![hung.id()]);
        assert_eq!(pool.workers(), 2);
        assert_eq!(
            behind.join(),
            Ok("ran"),
            "the queue moved past the stuck task"
        );
        assert!(
            pool.compensate(MINUTE).unwrap().is_empty(),
            "one extra worker per stuck task"
        );
        assert_eq!(pool.workers(), 2);
        gate.open();
        hung.join().unwrap();
        // The pool wants one worker again: the next one back leaves.
        while pool.workers() > 1 {
            std::thread::yield_now();
        }
        assert_eq!(pool.submit(|| 7).unwrap().join(), Ok(7));
        pool.shutdown().unwrap();
        assert!(pool.metrics().is_consistent());
    });
}

#[test]
fn compensation_stops_at_max_workers() {
    within("a pool at its maximum", || {
        let clock = ManualClock::<Std>::new();
        let pool = timed_pool(2, 3, &clock);
        let (first_gate, first_running, first) = gated();
        let (second_gate, second_running, second) = gated();
        let handles = [pool.submit(first).unwrap(), pool.submit(second).unwrap()];
        first_running.recv().unwrap();
        second_running.recv().unwrap();
        clock.advance(2 * MINUTE);
        assert_eq!(
            pool.compensate(MINUTE).unwrap().len(),
            1,
            "room for one more only"
        );
        assert_eq!(pool.workers(), 3);
        first_gate.open();
        second_gate.open();
        for handle in handles {
            handle.join().unwrap();
        }
        pool.shutdown().unwrap();
    });
}

#[test]
fn compensation_needs_a_timed_pool_and_an_open_one() {
    let untimed = Executor::builder().workers(1).build().unwrap();
    assert!(matches!(
        untimed.compensate(MINUTE),
        Err(ResizeError::Untimed)
    ));
    let timed = Executor::builder().workers(1).timed().build().unwrap();
    timed.shutdown().unwrap();
    assert!(matches!(
        timed.compensate(MINUTE),
        Err(ResizeError::ShuttingDown)
    ));
}
