//! Guarantees of retries on the fast core, where a failed attempt is kept
//! by the worker that ran it rather than queued again: every task with a
//! retry policy ends exactly once (completed or dead-lettered, never both,
//! never lost, never two attempts at once), and, in a partitioned pool
//! holding keys for their retries, per-key order holds across retries.
//! The checkers' clocks stand still: a backoff ends only at the close.

use super::retry_ends_once::{ended_once, flaky_and_doomed};
use super::retry_keeps_key_order::{a_kept_its_order, fails_once_logged};
use super::support::Log;
use executor::FastPool;
use executor::sync::Backend;

// ANCHOR: fast_retry_ends_once
/// One worker, two tasks: `flaky` fails once and is retried at once by
/// the worker that ran it; `doomed` fails twice, its retry kept for a
/// backoff the clock never reaches, so the graceful shutdown runs it and
/// it ends in the dead-letter queue. (One worker: each attempt of a task
/// runs on the worker that ran the one before, so a second worker adds
/// nothing here but schedules; with two, loom's bound 2 took over 14
/// minutes.)
pub fn fast_retry_ends_once<B: Backend>() {
    let pool = FastPool::<B>::new(1, 2).unwrap();
    let (flaky, doomed, tries) =
        flaky_and_doomed::<B, _>(|policy, task| pool.submit_retrying(policy, task).unwrap());
    pool.shutdown().unwrap();
    ended_once(flaky, doomed, tries, pool.dead_letters());
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(
        (m.completed, m.dead_lettered, m.retried, m.delayed, m.failed),
        (1, 1, 2, 0, 0),
        "each ended once: {m:?}"
    );
}
// ANCHOR_END: fast_retry_ends_once

// ANCHOR: fast_retry_keeps_key_order
/// One lane, key `a`: task 1 fails once and backs off (past the end of
/// the scenario: the close makes its retry due), task 2 is queued behind
/// it. Task 2 must run after both attempts of task 1: the retry holds its
/// lane. (A second lane only shows that other lanes run meanwhile, which
/// nothing here could break: each lane has its own worker.)
pub fn fast_retry_keeps_key_order<B: Backend>() {
    let pool = FastPool::<B>::builder()
        .workers(1)
        .capacity(2)
        .build_partitioned()
        .unwrap();
    let a = 7u64;
    let log = Log::<B>::shared();
    let (policy, task) = fails_once_logged(&log);
    let first = pool.submit_retrying(&a, &policy, task).unwrap();
    let l = log.clone();
    let second = pool.submit(&a, move || l.push(20)).unwrap();
    pool.shutdown().unwrap();
    assert_eq!(first.join(), Ok(2));
    second.join().unwrap();
    a_kept_its_order(&log);
    let m = pool.metrics();
    assert_eq!((m.completed, m.retried, m.delayed), (2, 1, 0), "{m:?}");
}
// ANCHOR_END: fast_retry_keeps_key_order
