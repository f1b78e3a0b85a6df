//! Guarantee: every task with a retry policy ends exactly once, completed
//! or dead-lettered: never both, never lost, and never two attempts at
//! once (a retry exists only after its previous attempt has returned).

use core::time::Duration;
use executor::sync::{Arc, AtomicBool, AtomicUsize, Backend, Ordering};
use executor::{DeadLetter, DeadReason, Pool, RetryPolicy, TaskError, TaskHandle};

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
    let (flaky, doomed, tries) =
        flaky_and_doomed::<B, _>(|policy, task| pool.submit_retrying(policy, task).unwrap());
    pool.shutdown().unwrap();
    ended_once(flaky, doomed, tries, pool.dead_letters());
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(
        (m.completed, m.dead_lettered, m.retried, m.delayed),
        (1, 1, 2, 0),
        "each ended once: {m:?}"
    );
}
// ANCHOR_END: retry_ends_once

// ANCHOR: flaky_and_doomed
/// A task with a retry policy, as the scenarios submit it.
pub(crate) type Retried = Box<dyn FnMut() -> Result<usize, String> + Send>;

/// The two tasks of [`retry_ends_once`], submitted by `submit`, with what
/// each sees of its attempts: `flaky` fails once and is retried at once;
/// `doomed` fails every time, its retry waiting out a backoff the
/// checkers' clocks never reach.
pub(crate) fn flaky_and_doomed<B: Backend, H>(
    submit: impl Fn(&RetryPolicy<String>, Retried) -> H,
) -> (H, H, [Arc<B, Attempts<B>>; 2]) {
    let now = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO).unwrap();
    let later = RetryPolicy::new(2, Duration::from_secs(60), Duration::from_secs(60)).unwrap();
    let (a, b) = (Attempts::<B>::shared(), Attempts::<B>::shared());
    let (a2, b2) = (a.clone(), b.clone());
    let flaky = submit(&now, Box::new(move || a2.attempt(1)));
    let doomed = submit(&later, Box::new(move || b2.attempt(9)));
    (flaky, doomed, [a, b])
}
// ANCHOR_END: flaky_and_doomed

/// What every pool must show once the flaky and the doomed task of
/// [`retry_ends_once`] are done: the flaky one completed on its retry, the
/// doomed one dead-lettered once, out of attempts, and each attempt made
/// exactly once.
pub(crate) fn ended_once<B: Backend>(
    flaky: TaskHandle<B, usize>,
    doomed: TaskHandle<B, usize>,
    [a, b]: [Arc<B, Attempts<B>>; 2],
    letters: Vec<DeadLetter>,
) {
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
    assert_eq!(letters.len(), 1, "dead-lettered exactly once: {letters:?}");
}
