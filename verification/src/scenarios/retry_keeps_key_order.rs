//! Guarantee: per-key order holds across retries. A partitioned pool's
//! task that fails and waits for a retry holds its key: the key's later
//! tasks run after it succeeds or is dead-lettered, never in between.

use super::retry_ends_once::Attempts;
use super::support::{Log, two_lanes};
use core::time::Duration;
use executor::RetryPolicy;
use executor::sync::{Arc, Backend};

// ANCHOR: retry_keeps_key_order
/// Key `a`: task 1 fails once and backs off (past the end of the
/// scenario: the graceful shutdown runs its retry), task 2 is queued
/// behind it; key `b`'s task runs meanwhile on the other lane. Task 2 must
/// run after both attempts of task 1.
pub fn retry_keeps_key_order<B: Backend>() {
    let (pool, a, b) = two_lanes::<B>(2);
    let log = Log::<B>::shared();
    let (policy, task) = fails_once_logged(&log);
    let first = pool.submit_retrying(&a, &policy, task).unwrap();
    let l = log.clone();
    let second = pool.submit(&a, move || l.push(20)).unwrap();
    let l = log.clone();
    let other = pool.submit(&b, move || l.push(30)).unwrap();
    other.join().unwrap();
    pool.shutdown().unwrap();
    assert_eq!(first.join(), Ok(2));
    second.join().unwrap();
    a_kept_its_order(&log);
    assert!(pool.metrics().is_consistent());
}
// ANCHOR_END: retry_keeps_key_order

/// Key `a`'s first task and its policy: it fails once, then backs off
/// past the end of a scenario, logging 11 and 12 for its attempts.
pub(crate) fn fails_once_logged<B: Backend>(
    log: &Arc<B, Log<B>>,
) -> (
    RetryPolicy<String>,
    impl FnMut() -> Result<usize, String> + Send + 'static,
) {
    let policy = RetryPolicy::new(2, Duration::from_secs(60), Duration::from_secs(60)).unwrap();
    let (l, tries) = (log.clone(), Attempts::<B>::shared());
    let task = move || {
        let outcome = tries.attempt(1);
        l.push(10 + tries.made() as u64);
        outcome
    };
    (policy, task)
}

/// Key `a`'s events in `log`: both attempts of its first task (11, 12),
/// then its second task (20); key `b`'s task (30) may fall anywhere.
pub(crate) fn a_kept_its_order<B: Backend>(log: &Log<B>) {
    let ran: Vec<u64> = log.entries().into_iter().filter(|e| *e != 30).collect();
    assert_eq!(
        ran,
        vec![11, 12, 20],
        "key a: both attempts of its first task, then its second"
    );
}
