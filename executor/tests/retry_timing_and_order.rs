//! Retries in time and in order, on real threads: a backoff holds no
//! worker, a retry runs once the clock passes its due time or at once on
//! shutdown, a cancelled retry releases its key, a worker waiting on its
//! own lane runs the retry it would otherwise wait for, and a partitioned
//! pool keeps per-key order across retries unless told to let later tasks
//! pass.
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::retrying::{HOUR, flaky, settled};
use common::{eventually, key_on, within};
use executor::sync::Std;
use executor::{Executor, KeyOrder, ManualClock, RetryPolicy, TaskError};
use std::sync::atomic::AtomicU32;
use std::sync::{Arc, Mutex};

#[test]
fn a_backoff_holds_no_worker_and_a_shutdown_runs_the_retry_at_once() {
    within("a long backoff", || {
        let clock = ManualClock::<Std>::new();
        let pool = Executor::builder().workers(1).clock(clock).build().unwrap();
        let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
        let calls = Arc::new(AtomicU32::new(0));
        let retried = pool
            .submit_retrying(&policy, flaky(1, calls.clone()))
            .unwrap();
        // The one worker is free while the retry waits out its backoff.
        for i in 0..5 {
            assert_eq!(pool.submit(move || i).unwrap().join(), Ok(i));
        }
        let m = pool.metrics();
        assert!(m.delayed <= 1 && m.is_consistent(), "{m:?}");
        pool.shutdown().unwrap();
        assert_eq!(
            retried.join(),
            Ok(2),
            "shutdown ran the retry without waiting an hour"
        );
        settled(pool.metrics());
    });
}

#[test]
fn a_retry_runs_once_the_clock_passes_its_due_time() {
    within("a due retry", || {
        let clock = ManualClock::<Std>::new();
        let pool = Executor::builder()
            .workers(1)
            .clock(clock.clone())
            .build()
            .unwrap();
        let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
        let calls = Arc::new(AtomicU32::new(0));
        let retried = pool
            .submit_retrying(&policy, flaky(1, calls.clone()))
            .unwrap();
        eventually(|| pool.metrics().delayed == 1);
        clock.advance(HOUR);
        // Any submission notices the retry is due and wakes the worker.
        pool.submit(|| ()).unwrap().join().unwrap();
        assert_eq!(retried.join(), Ok(2), "ran before any shutdown");
        assert!(!pool.is_shutdown());
    });
}

#[test]
fn a_cancelled_retry_resolves_and_releases_its_key() {
    within("a cancelled retry", || {
        let clock = ManualClock::<Std>::new();
        let pool = Executor::builder()
            .workers(2)
            .clock(clock)
            .build_partitioned()
            .unwrap();
        let key = key_on(0, 2);
        let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
        let retried = pool
            .submit_retrying(&key, &policy, || Err::<(), _>("down"))
            .unwrap();
        eventually(|| pool.metrics().delayed == 1);
        let later = pool.submit(&key, || "ran").unwrap();
        let id = retried.id();
        assert!(retried.cancel());
        assert_eq!(retried.join(), Err(TaskError::Cancelled(id)));
        assert_eq!(
            later.join(),
            Ok("ran"),
            "the key's hold ended with its holder"
        );
        pool.shutdown().unwrap();
        settled(pool.metrics());
    });
}

#[test]
fn a_worker_joining_its_own_lane_s_delayed_retry_runs_it_now() {
    within("a join of a delayed retry from its own lane", || {
        let clock = ManualClock::<Std>::new();
        let pool = Arc::new(Executor::builder().workers(1).clock(clock).build().unwrap());
        let inner = pool.clone();
        let outer = pool
            .submit(move || {
                let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
                let mut tries = 0;
                let retried = inner
                    .submit_retrying(&policy, move || {
                        tries += 1;
                        if tries == 1 { Err("busy") } else { Ok(tries) }
                    })
                    .unwrap();
                // Only this worker can run it: the join runs it here, its
                // first attempt and then (backoff cut short) its second.
                retried.join()
            })
            .unwrap();
        assert_eq!(outer.join(), Ok(Ok(2)));
    });
}

#[test]
fn a_worker_blocked_on_its_own_lane_full_of_parked_tasks_runs_the_retry_now() {
    within("a submission into a lane full of parked tasks", || {
        let clock = ManualClock::<Std>::new();
        let pool = Arc::new(
            Executor::builder()
                .workers(2)
                .capacity(2)
                .clock(clock)
                .build_partitioned()
                .unwrap(),
        );
        // Two keys on lane 0: `held` will wait behind its retry.
        let held = key_on(0, 2);
        let other = (0..)
            .map(|i| format!("other-{i}"))
            .find(|k| pool.worker_for(k) == 0)
            .unwrap();
        let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
        let mut tries = 0;
        let retried = pool
            .submit_retrying(&held, &policy, move || {
                tries += 1;
                if tries == 1 { Err("busy") } else { Ok(()) }
            })
            .unwrap();
        eventually(|| pool.metrics().delayed == 1);
        // The lane's worker runs a task that will submit to its own lane...
        let gate = Arc::new(common::gate::Gate::new());
        let (started, running) = std::sync::mpsc::channel();
        let (inner, g, again) = (pool.clone(), gate.clone(), other.clone());
        let outer = pool
            .submit(&other, move || {
                started.send(()).unwrap();
                g.pass();
                inner.submit(&again, || "inner").unwrap().join()
            })
            .unwrap();
        running.recv().unwrap();
        // ...once the lane is full of tasks parked behind the retry.
        let parked: Vec<_> = (0..2)
            .map(|i| pool.submit(&held, move || i).unwrap())
            .collect();
        gate.open();
        assert_eq!(
            outer.join(),
            Ok(Ok("inner")),
            "the retry ran early to make room"
        );
        assert_eq!(retried.join(), Ok(()));
        for (i, handle) in parked.into_iter().enumerate() {
            assert_eq!(handle.join(), Ok(i));
        }
    });
}

/// Submits, on one key: `a` (fails once, backs off an hour), then `b`.
/// Returns the order they ran in, after a shutdown.
fn order_across_a_retry(order: KeyOrder) -> Vec<&'static str> {
    let clock = ManualClock::<Std>::new();
    let pool = Executor::builder()
        .workers(2)
        .clock(clock)
        .key_order(order)
        .build_partitioned()
        .unwrap();
    let key = key_on(1, 2);
    let ran = Arc::new(Mutex::new(Vec::new()));
    let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
    let r = ran.clone();
    let mut tries = 0;
    pool.submit_retrying(&key, &policy, move || {
        tries += 1;
        r.lock()
            .unwrap()
            .push(if tries == 1 { "a, try 1" } else { "a, try 2" });
        if tries == 1 { Err("busy") } else { Ok(()) }
    })
    .unwrap();
    let r = ran.clone();
    let b = pool
        .submit(&key, move || r.lock().unwrap().push("b"))
        .unwrap();
    if order == KeyOrder::Pass {
        b.join().unwrap(); // runs while `a` backs off
    }
    pool.shutdown().unwrap();
    settled(pool.metrics());
    Arc::try_unwrap(ran).unwrap().into_inner().unwrap()
}

#[test]
fn a_partitioned_pool_holds_a_key_behind_its_retry() {
    let order = within("a held key", || order_across_a_retry(KeyOrder::Hold));
    assert_eq!(order, ["a, try 1", "a, try 2", "b"]);
}

#[test]
fn a_key_told_to_pass_runs_its_later_tasks_first() {
    let order = within("a passing key", || order_across_a_retry(KeyOrder::Pass));
    assert_eq!(order, ["a, try 1", "b", "a, try 2"]);
}

#[test]
fn shutdown_now_returns_a_delayed_retry_unstarted() {
    within("a halted retry", || {
        let clock = ManualClock::<Std>::new();
        let pool = Executor::builder().workers(1).clock(clock).build().unwrap();
        let policy = RetryPolicy::new(2, HOUR, HOUR).unwrap();
        let retried = pool
            .submit_retrying(&policy, || Err::<(), _>("down"))
            .unwrap();
        eventually(|| pool.metrics().delayed == 1);
        let id = retried.id();
        let unstarted = pool.shutdown_now();
        assert_eq!(unstarted.iter().map(|u| u.id()).collect::<Vec<_>>(), [id]);
        assert_eq!(retried.join(), Err(TaskError::Cancelled(id)));
        let m = pool.metrics();
        assert_eq!(m.cancelled, 1);
        settled(m);
    });
}
