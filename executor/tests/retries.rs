//! Retries and dead letters on real threads: a flaky task succeeds on a
//! later attempt, a failing one ends in the dead-letter queue with its
//! history, the classifier and the panic setting decide what is retried,
//! the budget caps retries, the queue of letters is bounded, and a letter
//! can be resubmitted. (Backoff, due times and key order across retries:
//! `retry_timing_and_order.rs`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::retrying::{flaky, immediate, settled};
use common::{silence_deliberate_panics, within};
use executor::{DeadReason, Executor, RejectReason, ResubmitError, RetryBudget, TaskError};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};

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
