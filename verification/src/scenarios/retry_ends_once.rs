//! Guarantee: every task with a retry policy ends exactly once, completed
//! or dead-lettered: never both, never lost, and never two attempts at
//! once (a retry exists only after its previous attempt has returned).

use core::time::Duration;
use executor::sync::{Arc, AtomicBool, AtomicUsize, Backend, Ordering};
use executor::{DeadReason, Pool, RetryPolicy, TaskError};

/// One task's attempts, as the task itself sees them.
pub(crate) struct Attempts<B: Backend> {
    made: AtomicUsize<B>,
    inside: AtomicBool<B>,
}

impl<B: Backend> Attempts<B> {
    pub(crate) fn shared() -> Arc<B, Self> {
        Arc::new(Self {
            made: AtomicUsize::new(0),
            inside: AtomicBool::new(false),
        })
    }

    /// Runs one attempt: fails while fewer than `failures` have been made.
    /// Panics if another attempt of the same task is running.
    pub(crate) fn attempt(&self, failures: usize) -> Result<usize, String> {
        // SeqCst: the swaps and the count are the scenario's observation
        // of the pool's ordering, so they must not add any reordering of
        // their own; a stronger ordering can only hide less.
        let overlapping = self.inside.swap(true, Ordering::SeqCst);
        assert!(!overlapping, "two attempts of one task ran at once");
        let n = self.made.fetch_add(1, Ordering::SeqCst) + 1;
        self.inside.store(false, Ordering::SeqCst);
        if n <= failures {
            Err(format!("attempt {n} failed"))
        } else {
            Ok(n)
        }
    }

    /// How many attempts were made.
    pub(crate) fn made(&self) -> usize {
        self.made.load(Ordering::SeqCst)
    }
}

// ANCHOR: retry_ends_once
/// Two workers, two tasks: `flaky` fails once and is retried at once;
/// `doomed` fails twice, its retry waiting out a backoff the clock never
/// reaches (the checkers' clocks stand still), so the graceful shutdown
/// runs it, and it ends in the dead-letter queue.
pub fn retry_ends_once<B: Backend>() {
    let pool = Pool::<B>::builder().workers(2).capacity(2).build().unwrap();
    let now = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
    let later = RetryPolicy::new(2, Duration::from_secs(60), Duration::from_secs(60)).unwrap();
    let (a, b) = (Attempts::<B>::shared(), Attempts::<B>::shared());
    let (a2, b2) = (a.clone(), b.clone());
    let flaky = pool.submit_retrying(&now, move || a2.attempt(1)).unwrap();
    let doomed = pool.submit_retrying(&later, move || b2.attempt(9)).unwrap();
    pool.shutdown().unwrap();
    assert_eq!(flaky.join(), Ok(2), "the flaky task completes on its retry");
    let err = doomed.join().unwrap_err();
    assert!(
        matches!(
            err,
            TaskError::DeadLettered {
                reason: DeadReason::Exhausted,
                attempts: 2,
                ..
            }
        ),
        "the doomed task is dead-lettered once out of attempts: {err:?}"
    );
    assert_eq!((a.made(), b.made()), (2, 2), "no attempt lost or repeated");
    let letters = pool.dead_letters();
    assert_eq!(letters.len(), 1, "dead-lettered exactly once: {letters:?}");
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(
        (m.completed, m.dead_lettered, m.retried, m.delayed),
        (1, 1, 2, 0),
        "each ended once: {m:?}"
    );
}
// ANCHOR_END: retry_ends_once
