//! **A retry that races its own first attempt.** To be sure a failed task
//! is retried even if its worker dies mid-attempt, a worker queues the
//! task's retry *as it takes the task*, and removes it again once the
//! attempt succeeds: the visibility timeout of a message queue, done in
//! process and without the timeout. From the moment the retry is queued,
//! another worker may take it, while the first attempt is still running.
//!
//! The interleaving: worker A takes attempt 1 and queues attempt 2; before
//! A's attempt returns, worker B takes attempt 2 and runs it. Two attempts
//! of one task run at once, and when attempt 1 succeeds the task has run
//! twice: a payment charged twice. It takes one preemption, between A's
//! queueing and A's removal, so the model checkers find it at once.
//!
//! The fix: a retry comes into existence only after its attempt has
//! returned a failure, in the critical section that accounts for that
//! attempt. A worker that dies mid-attempt is the supervisor's business
//! (its in-flight task is reported), not a reason to run the task twice.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicBool, AtomicUsize, Backend, Condvar, Mutex, Ordering, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "retry_races_first_attempt",
    summary: "a retry queued before its attempt returns runs alongside it, and the task runs twice",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads need the second worker to take the early retry inside the first \
                  attempt's short run, which they rarely do",
    spurious: false,
};

// ANCHOR: setup
/// One task, succeeding at its first attempt; the queue holds attempt
/// numbers of it.
struct Queue<B: Backend> {
    /// Attempts waiting to run, and whether the task has ended.
    state: Mutex<B, (VecDeque<usize>, bool)>,
    changed: Condvar<B>,
    /// Attempts made, and whether one is running now.
    made: AtomicUsize<B>,
    inside: AtomicBool<B>,
}

impl<B: Backend> Queue<B> {
    /// Runs one attempt; it succeeds. Panics if another attempt of the
    /// task is running.
    fn attempt(&self) -> Result<(), ()> {
        // SeqCst: the checker's observation must add no reordering.
        let overlapping = self.inside.swap(true, Ordering::SeqCst);
        assert!(!overlapping, "two attempts of one task ran at once");
        self.made.fetch_add(1, Ordering::SeqCst);
        self.inside.store(false, Ordering::SeqCst);
        Ok(())
    }

    /// Waits for an attempt to run; none once the task has ended.
    fn take(&self) -> Option<usize> {
        let guard = self.state.lock();
        let mut guard = self
            .changed
            .wait_while(guard, |(queue, ended)| queue.is_empty() && !*ended);
        guard.0.pop_front()
    }

    /// The task ended: wake the workers to leave.
    fn end(&self, state: &mut (VecDeque<usize>, bool)) {
        state.1 = true;
        self.changed.notify_all();
    }
}

/// Two workers serve the queue, which starts with the task's first
/// attempt; the task must end after exactly one attempt.
fn run<B: Backend>(work: fn(&Queue<B>)) {
    let queue = Arc::<B, _>::new(Queue::<B> {
        state: Mutex::new((VecDeque::from([1]), false)),
        changed: Condvar::new(),
        made: AtomicUsize::new(0),
        inside: AtomicBool::new(false),
    });
    let workers: Vec<_> = (0..2)
        .map(|i| {
            let shared = queue.clone();
            thread::spawn::<B, _, _>(format!("worker-{i}"), move || work(&shared)).unwrap()
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let made = queue.made.load(Ordering::SeqCst);
    assert_eq!(made, 1, "a task that succeeded at once ran {made} times");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Queues the retry as it takes the attempt, and removes it on success.
pub fn broken<B: Backend>() {
    run::<B>(|queue| {
        while let Some(n) = queue.take() {
            queue.state.lock().0.push_back(n + 1); // "just in case"
            queue.changed.notify_one();
            let outcome = queue.attempt();
            let mut state = queue.state.lock();
            if outcome.is_ok() {
                state.0.retain(|&m| m != n + 1);
                queue.end(&mut state);
            }
        }
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Queues the retry only once the attempt has failed.
pub fn fixed<B: Backend>() {
    run::<B>(|queue| {
        while let Some(n) = queue.take() {
            let outcome = queue.attempt();
            let mut state = queue.state.lock();
            match outcome {
                Ok(()) => queue.end(&mut state),
                Err(()) => {
                    state.0.push_back(n + 1);
                    queue.changed.notify_one();
                }
            }
        }
    });
}
// ANCHOR_END: fixed
