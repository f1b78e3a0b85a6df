//! Retries and dead letters on real threads: a flaky task succeeds on a
//! later attempt, a failing one ends in the dead-letter queue with its
//! history, the classifier and the panic setting decide what is retried,
//! the budget caps retries, the queue of letters is bounded, a letter can
//! be resubmitted, a backoff holds no worker, and a partitioned pool keeps
//! per-key order across retries unless told to let later tasks pass.
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::{key_on, silence_deliberate_panics, within};
use executor::sync::Std;
use executor::{
    DeadReason, Executor, KeyOrder, ManualClock, Metrics, RejectReason, ResubmitError, RetryBudget,
    RetryPolicy, TaskError,
};
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const HOUR: Duration = Duration::from_secs(3600);

fn immediate<E>(attempts: u32) -> RetryPolicy<E> {
    RetryPolicy::new(attempts, Duration::ZERO, Duration::ZERO).unwrap()
}

/// A task that fails its first `failures` attempts, counting every call.
fn flaky(failures: u32, calls: Arc<AtomicU32>) -> impl FnMut() -> Result<u32, String> + Send {
    move || {
        let n = calls.fetch_add(1, SeqCst) + 1;
        if n <= failures {
            Err(format!("try {n} failed"))
        } else {
            Ok(n)
        }
    }
}

/// Waits (bounded by the test's watchdog) until `done` holds.
fn eventually(done: impl Fn() -> bool) {
    while !done() {
        std::thread::yield_now();
    }
}

fn settled(m: Metrics) {
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.queued, m.delayed, m.running), (0, 0, 0), "{m:?}");
}

#[test]
fn a_flaky_task_succeeds_on_a_later_attempt() {
    within("a flaky task", || {
        let pool = Executor::builder().workers(2).build().unwrap();
        let calls = Arc::new(AtomicU32::new(0));
        let handle = pool.submit_retrying(&immediate(3), flaky(2, calls.clone()));
        assert_eq!(handle.unwrap().join(), Ok(3));
        pool.shutdown().unwrap();
        let m = pool.metrics();
        assert_eq!((m.completed, m.retried, m.dead_lettered), (1, 2, 0));
        assert_eq!(calls.load(SeqCst), 3);
        settled(m);
    });
}

#[test]
fn a_task_out_of_attempts_is_dead_lettered_with_its_history() {
    within("a task out of attempts", || {
        let pool = Executor::builder().workers(2).build().unwrap();
        let calls = Arc::new(AtomicU32::new(0));
        let handle = pool.submit_retrying(&immediate(3), flaky(9, calls.clone()));
        let err = handle.unwrap().join().unwrap_err();
        let TaskError::DeadLettered {
            reason,
            attempts,
            error,
            ..
        } = err
        else {
            panic!("{err:?}");
        };
        assert_eq!((reason, attempts), (DeadReason::Exhausted, 3));
        assert_eq!(error, "try 3 failed");
        let letters = pool.dead_letters();
        assert_eq!(letters.len(), 1);
        let numbers: Vec<u32> = letters[0].attempts.iter().map(|a| a.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert_eq!(calls.load(SeqCst), 3, "no attempt after the last");
        pool.shutdown().unwrap();
        let m = pool.metrics();
        assert_eq!((m.dead_lettered, m.retried, m.completed), (1, 2, 0));
        settled(m);
    });
}

#[test]
fn the_classifier_decides_which_errors_are_retried() {
    within("a classifier", || {
        let pool = Executor::builder().workers(1).build().unwrap();
        let transient = immediate::<String>(5).when(|e| e.contains("timeout"));
        let calls = Arc::new(AtomicU32::new(0));
        let c = calls.clone();
        let fatal = pool.submit_retrying(&transient, move || {
            c.fetch_add(1, SeqCst);
            Err::<(), _>("bad request".to_string())
        });
        let err = fatal.unwrap().join().unwrap_err();
        assert!(
            matches!(
                err,
                TaskError::DeadLettered {
                    reason: DeadReason::NotRetryable,
                    attempts: 1,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(calls.load(SeqCst), 1);
        let mut tries = 0;
        let slow = pool.submit_retrying(&transient, move || {
            tries += 1;
            if tries < 3 {
                Err("timeout".to_string())
            } else {
                Ok(tries)
            }
        });
        assert_eq!(slow.unwrap().join(), Ok(3));
    });
}

#[test]
fn panics_are_retried_only_when_the_policy_says_so() {
    silence_deliberate_panics();
    within("panicking attempts", || {
        let pool = Executor::builder().workers(1).build().unwrap();
        let panicky = |calls: Arc<AtomicU32>| {
            move || -> Result<(), String> {
                if calls.fetch_add(1, SeqCst) == 0 {
                    panic!("deliberate panic in the first attempt");
                }
                Ok(())
            }
        };
        let calls = Arc::new(AtomicU32::new(0));
        let err = pool
            .submit_retrying(&immediate(3), panicky(calls.clone()))
            .unwrap()
            .join();
        assert!(
            matches!(
                err,
                Err(TaskError::DeadLettered {
                    reason: DeadReason::NotRetryable,
                    ..
                })
            ),
            "{err:?}"
        );
        assert!(pool.dead_letters()[0].attempts[0].panicked);
        let calls = Arc::new(AtomicU32::new(0));
        let retrying = immediate(3).retry_panics(true);
        assert_eq!(
            pool.submit_retrying(&retrying, panicky(calls.clone()))
                .unwrap()
                .join(),
            Ok(())
        );
        assert_eq!(calls.load(SeqCst), 2);
        assert!(pool.metrics().is_consistent());
    });
}

#[test]
fn the_budget_caps_retries_pool_wide() {
    within("a spent budget", || {
        let pool = Executor::builder()
            .workers(1)
            .retry_budget(RetryBudget::new(0, 2).unwrap())
            .build()
            .unwrap();
        let failing = || Err::<(), _>("down");
        let handles: Vec<_> = (0..4)
            .map(|_| pool.submit_retrying(&immediate(10), failing).unwrap())
            .collect();
        let reasons: Vec<DeadReason> = handles
            .into_iter()
            .map(|h| match h.join() {
                Err(TaskError::DeadLettered { reason, .. }) => reason,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(reasons, [DeadReason::BudgetSpent; 4]);
        assert_eq!(pool.metrics().retried, 2, "the reserve of two, and no more");
    });
}

#[test]
fn the_dead_letter_queue_is_bounded_and_drops_the_oldest() {
    within("a full dead-letter queue", || {
        let pool = Executor::builder()
            .workers(1)
            .dead_letters(2)
            .build()
            .unwrap();
        let ids: Vec<_> = (0..3)
            .map(|i| {
                let h = pool
                    .submit_retrying(&immediate(1), move || Err::<(), _>(i))
                    .unwrap();
                let id = h.id();
                assert!(h.join().is_err());
                id
            })
            .collect();
        let kept: Vec<_> = pool.dead_letters().iter().map(|l| l.id).collect();
        assert_eq!(kept, ids[1..]);
        let m = pool.metrics();
        assert_eq!((m.dead_lettered, m.dead_letters_dropped), (3, 1));
    });
}

#[test]
fn a_dead_letter_can_be_resubmitted_and_keeps_its_history() {
    within("a resubmission", || {
        let pool = Executor::builder().workers(1).build().unwrap();
        let calls = Arc::new(AtomicU32::new(0));
        let handle = pool
            .submit_retrying(&immediate(2), flaky(3, calls.clone()))
            .unwrap();
        assert!(handle.join().is_err());
        let id = pool.dead_letters()[0].id;
        assert!(matches!(
            pool.resubmit(executor::TaskId(99)),
            Err(ResubmitError::NotFound(_))
        ));
        // Two more attempts: the third call fails, the fourth succeeds.
        let again = pool.resubmit(id).unwrap();
        assert_ne!(again, id);
        pool.wait_idle().unwrap();
        assert!(pool.dead_letters().is_empty());
        assert_eq!(calls.load(SeqCst), 4);
        let m = pool.metrics();
        assert_eq!((m.accepted, m.completed, m.dead_lettered), (2, 1, 1));
        settled(m);
    });
}

#[test]
fn a_resubmission_after_shutdown_is_refused_and_the_letter_stays() {
    within("a late resubmission", || {
        let pool = Executor::builder().workers(1).build().unwrap();
        let h = pool
            .submit_retrying(&immediate(1), || Err::<(), _>("down"))
            .unwrap();
        assert!(h.join().is_err());
        pool.shutdown().unwrap();
        let id = pool.dead_letters()[0].id;
        let refused = pool.resubmit(id);
        assert_eq!(
            refused,
            Err(ResubmitError::Refused(RejectReason::ShuttingDown))
        );
        assert_eq!(pool.dead_letters().len(), 1);
    });
}

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
