//! Retries and dead letters on the fast core, on real threads: the budget,
//! key order with `Pass`, a real backoff that ends by itself, resubmission
//! and its refusals, and exact counts once the pool is quiet. (The
//! interleavings are the model checkers' job: `fast_retry_ends_once` and
//! `fast_retry_keeps_key_order` in `verification`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::sync::mpsc::channel;
use std::time::Duration;

use executor::routing::stable_hash;
use executor::{
    DeadReason, FastExecutor, FastPartitionedExecutor, KeyOrder, RejectReason, ResubmitError,
    RetryBudget, RetryPolicy, TaskError, TaskId,
};

const MINUTE: Duration = Duration::from_secs(60);

/// Guarantee: retries never exceed the budget; the attempt it cannot pay
/// for is dead-lettered as `BudgetSpent`, with its history.
#[test]
fn a_spent_budget_dead_letters_the_retry() {
    let pool = FastExecutor::builder()
        .workers(1)
        .retry_budget(RetryBudget::new(0, 1).unwrap())
        .build()
        .unwrap();
    let policy = RetryPolicy::new(5, Duration::ZERO, Duration::ZERO).unwrap();
    let err = pool
        .submit_retrying(&policy, || Err::<(), _>("down"))
        .unwrap()
        .join()
        .unwrap_err();
    assert!(
        matches!(
            err,
            TaskError::DeadLettered {
                reason: DeadReason::BudgetSpent,
                attempts: 2,
                ..
            }
        ),
        "one retry in reserve, then the budget is spent: {err:?}"
    );
    let letters = pool.dead_letters();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].attempts[1].to_string(), "attempt 2: down");
    let m = pool.metrics();
    assert_eq!((m.retried, m.dead_lettered, m.failed), (1, 1, 0), "{m:?}");
}

/// Guarantee: with `KeyOrder::Pass` a waiting retry does not hold its
/// lane: the key's next task runs first, the retry when the close makes it
/// due. (With the default, `Hold`, the doc example shows the other order.)
#[test]
fn pass_lets_the_lane_run_past_a_retry() {
    let pool = FastPartitionedExecutor::builder()
        .workers(1)
        .key_order(KeyOrder::Pass)
        .build_partitioned()
        .unwrap();
    let policy = RetryPolicy::new(2, MINUTE, MINUTE).unwrap();
    let (tx, rx) = channel();
    let (first, second) = (tx.clone(), tx);
    let tries = AtomicU32::new(0);
    let retried = pool
        .submit_retrying(&"k", &policy, move || {
            let n = tries.fetch_add(1, SeqCst) + 1;
            first.send(format!("try {n}")).unwrap();
            if n == 1 { Err("busy") } else { Ok(n) }
        })
        .unwrap();
    pool.submit(&"k", move || second.send("next".to_string()).unwrap())
        .unwrap()
        .join()
        .unwrap();
    pool.shutdown().unwrap();
    assert_eq!(retried.join(), Ok(2));
    let order: Vec<String> = rx.iter().collect();
    assert_eq!(order, ["try 1", "next", "try 2"]);
}

/// Guarantee: on the real clock a backoff ends by itself (the worker
/// sleeps until the retry is due; nothing else wakes it here).
#[test]
fn a_real_backoff_ends_without_help() {
    let pool = FastExecutor::new(2, 8).unwrap();
    let ms = Duration::from_millis;
    let policy = RetryPolicy::new(4, ms(5), ms(20)).unwrap();
    let tries = Arc::new(AtomicU32::new(0));
    let t = tries.clone();
    let handle = pool
        .submit_retrying(&policy, move || match t.fetch_add(1, SeqCst) {
            0..=2 => Err("not yet"),
            n => Ok(n + 1),
        })
        .unwrap();
    assert_eq!(
        handle.join(),
        Ok(4),
        "three retries, each after its backoff"
    );
    let m = pool.metrics();
    assert_eq!((m.retried, m.delayed, m.completed), (3, 0, 1), "{m:?}");
}

/// Guarantee: a resubmission never waits and never loses the letter: an
/// unknown id is `NotFound`, a closed pool refuses it and the letter stays.
#[test]
fn resubmit_refusals_keep_the_letter() {
    let pool = FastExecutor::new(1, 8).unwrap();
    let policy = RetryPolicy::new(1, Duration::ZERO, Duration::ZERO).unwrap();
    let unknown = pool.resubmit(TaskId(12345));
    assert!(matches!(
        unknown,
        Err(ResubmitError::NotFound(TaskId(12345)))
    ));
    assert!(
        pool.submit_retrying(&policy, || Err::<(), _>("down"))
            .unwrap()
            .join()
            .is_err()
    );
    let id = pool.dead_letters()[0].id;
    pool.shutdown().unwrap();
    let refused = pool.resubmit(id);
    assert!(
        matches!(
            refused,
            Err(ResubmitError::Refused(RejectReason::ShuttingDown))
        ),
        "{refused:?}"
    );
    assert_eq!(pool.dead_letters().len(), 1, "the letter stays");
}

/// Guarantee: a partitioned pool's dead letter names its key (its
/// `stable_hash`, as the locked pool's letters do), whether or not tasks
/// are stamped for latency, and again after a resubmission; a shared
/// pool's letter names none.
#[test]
fn a_dead_letter_names_its_key() {
    let policy = RetryPolicy::new(1, Duration::ZERO, Duration::ZERO).unwrap();
    let hash = Some(stable_hash(&"acct-7"));
    for stamped in [false, true] {
        let mut builder = FastPartitionedExecutor::builder().workers(2);
        if stamped {
            builder = builder.latency_window(MINUTE);
        }
        let pool = builder.build_partitioned().unwrap();
        let handle = pool
            .submit_retrying(&"acct-7", &policy, || Err::<(), _>("down"))
            .unwrap();
        assert!(handle.join().is_err());
        let first = pool.dead_letters();
        assert_eq!(first[0].key, hash, "stamped: {stamped}");
        let again = pool.resubmit(first[0].id).unwrap();
        pool.shutdown().unwrap();
        let letters: Vec<_> = pool.dead_letters().iter().map(|l| (l.id, l.key)).collect();
        assert_eq!(letters, [(again, hash)], "stamped: {stamped}");
    }
    let shared = FastExecutor::new(1, 8).unwrap();
    let handle = shared
        .submit_retrying(&policy, || Err::<(), _>("down"))
        .unwrap();
    assert!(handle.join().is_err());
    assert_eq!(shared.dead_letters()[0].key, None);
}

/// Guarantee: once the pool is quiet the counts are exact: every accepted
/// task finished once (completed, failed or dead-lettered), nothing is
/// queued or delayed, and the bounded dead-letter queue counts what it
/// pushed out.
#[test]
fn counts_are_exact_once_quiet() {
    let pool = FastExecutor::builder()
        .workers(2)
        .dead_letters(2)
        .retry_budget(RetryBudget::new(100, 100).unwrap())
        .build()
        .unwrap();
    let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
    let mut handles = Vec::new();
    for i in 0..12u32 {
        handles.push(
            pool.submit_retrying(&policy, move || if i % 3 == 0 { Err("x") } else { Ok(i) })
                .unwrap(),
        );
    }
    pool.execute(|| panic!("isolated")).unwrap();
    pool.shutdown().unwrap();
    let ok = handles.into_iter().filter_map(|h| h.join().ok()).count();
    let m = pool.metrics();
    assert_eq!(ok, 8);
    assert_eq!(
        (m.accepted, m.completed, m.failed, m.dead_lettered),
        (13, 8, 1, 4),
        "{m:?}"
    );
    assert_eq!((m.retried, m.delayed, m.queued), (4, 0, 0), "{m:?}");
    assert_eq!(m.finished(), m.accepted);
    assert_eq!((pool.dead_letters().len(), m.dead_letters_dropped), (2, 2));
}
