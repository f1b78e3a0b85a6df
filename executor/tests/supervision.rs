//! Supervision on real threads: a worker that dies is replaced within the
//! restart intensity, a partitioned pool's replacement serves the same
//! lane in order, the intensity counts deaths over a sliding period of the
//! pool's clock, and past the cap the pool fails cleanly, reporting the
//! work in flight.
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::Gate;
use common::{eventually, key_on, silence_deliberate_panics, within};
use executor::sync::Std;
use executor::{
    BuildError, Executor, ManualClock, PanicPolicy, RejectReason, RestartIntensity, TaskError,
};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

fn restarting(restarts: usize, within: Duration) -> executor::Builder<Std> {
    Executor::builder()
        .panic_policy(PanicPolicy::RestartWorker)
        .restart_intensity(RestartIntensity { restarts, within })
}

#[test]
fn a_partitioned_lane_keeps_its_order_across_its_worker_s_restart() {
    silence_deliberate_panics();
    within("a restart in a partitioned pool", || {
        let pool = restarting(5, Duration::from_secs(60))
            .workers(2)
            .build_partitioned()
            .unwrap();
        let key = key_on(1, 2);
        let ran = Arc::new(Mutex::new(Vec::new()));
        let gate = Arc::new(Gate::new());
        let g = gate.clone();
        let first = pool
            .submit(&key, move || {
                g.pass();
                panic!("deliberate panic: kills worker 1");
            })
            .unwrap();
        let later: Vec<_> = (0..3)
            .map(|i| {
                let ran = ran.clone();
                pool.submit(&key, move || ran.lock().unwrap().push(i))
                    .unwrap()
            })
            .collect();
        gate.open();
        assert!(matches!(first.join(), Err(TaskError::Panicked { .. })));
        for handle in later {
            handle.join().unwrap();
        }
        assert_eq!(
            *ran.lock().unwrap(),
            [0, 1, 2],
            "the replacement ran them in order"
        );
        assert_eq!(pool.supervision().restarts, 1);
        assert_eq!(pool.workers(), 2);
        pool.shutdown().unwrap();
    });
}

#[test]
fn deaths_further_apart_than_the_period_never_reach_the_cap() {
    silence_deliberate_panics();
    within("deaths spread over periods", || {
        let clock = ManualClock::<Std>::new();
        let pool = restarting(1, Duration::from_secs(10))
            .workers(1)
            .clock(clock.clone())
            .build()
            .unwrap();
        for round in 1..=3 {
            let dying = pool.submit(|| panic!("deliberate panic")).unwrap();
            assert!(dying.join().is_err());
            eventually(|| pool.supervision().restarts == round);
            clock.advance(Duration::from_secs(11));
        }
        assert_eq!(
            pool.supervision().failure,
            None,
            "one death per period is within the cap"
        );
        assert_eq!(pool.submit(|| 1).unwrap().join(), Ok(1));
        pool.shutdown().unwrap();
    });
}

#[test]
fn a_failed_pool_resolves_what_was_queued_and_reports_what_was_running() {
    silence_deliberate_panics();
    within("a pool failing past its cap", || {
        let pool = restarting(1, Duration::from_secs(60))
            .workers(2)
            .capacity(8)
            .build_partitioned()
            .unwrap();
        let (steady, doomed) = (key_on(0, 2), key_on(1, 2));
        // Worker 0 is busy with a task that outlives the failure.
        let gate = Arc::new(Gate::new());
        let (started, running) = mpsc::channel();
        let g = gate.clone();
        let long = pool
            .submit(&steady, move || {
                started.send(()).unwrap();
                g.pass();
                "done"
            })
            .unwrap();
        running.recv().unwrap();
        let queued_behind = pool.submit(&steady, || ()).unwrap();
        let queued_id = queued_behind.id();
        // Worker 1 dies twice: one restart, then past the cap.
        for _ in 0..2 {
            let dying = pool.submit(&doomed, || panic!("deliberate panic")).unwrap();
            assert!(dying.join().is_err());
            eventually(|| pool.supervision().restarts == 1 || pool.supervision().failure.is_some());
        }
        eventually(|| pool.supervision().failure.is_some());
        let failure = pool.supervision().failure.unwrap();
        assert_eq!(failure.worker, 1);
        assert_eq!(failure.unstarted, 1, "{failure:?}");
        assert_eq!(
            failure.in_flight.iter().map(|t| t.task).collect::<Vec<_>>(),
            [long.id()],
            "{failure:?}"
        );
        assert_eq!(queued_behind.join(), Err(TaskError::PoolFailed(queued_id)));
        let refused = pool.submit(&steady, || ()).unwrap_err();
        assert_eq!(refused.reason, RejectReason::Failed);
        assert!(refused.to_string().contains("the pool failed"), "{refused}");
        gate.open();
        assert_eq!(long.join(), Ok("done"), "a running task finishes");
        pool.shutdown().unwrap();
        assert!(pool.metrics().is_consistent());
    });
}

#[test]
fn the_default_policy_keeps_the_worker_and_counts_no_restart() {
    silence_deliberate_panics();
    let pool = Executor::builder().workers(1).build().unwrap();
    let name = || std::thread::current().name().map(str::to_owned);
    let before = pool.submit(name).unwrap().join().unwrap();
    assert!(
        pool.submit(|| panic!("deliberate panic"))
            .unwrap()
            .join()
            .is_err()
    );
    let after = pool.submit(name).unwrap().join().unwrap();
    assert_eq!(before, after, "the same worker");
    assert_eq!(pool.supervision().restarts, 0);
    pool.shutdown().unwrap();
}

#[test]
fn a_restart_intensity_that_allows_nothing_is_a_build_error() {
    let zero = restarting(0, Duration::from_secs(1)).build();
    assert!(matches!(
        zero,
        Err(BuildError::RestartIntensity { restarts: 0, .. })
    ));
    let instant = restarting(3, Duration::ZERO).build_partitioned();
    let message = instant.unwrap_err().to_string();
    assert!(message.contains("at least one restart"), "{message}");
}
