//! **`notify_one` at shutdown.** A pool's workers sleep on one condition
//! variable until there is work or the pool shuts down. Shutdown sets the
//! flag under the lock, correctly, but wakes only one worker: every other
//! idle worker sleeps on, never sees the flag, and joining it hangs.
//!
//! The interleaving: both workers are idle, waiting; main submits a job and
//! notifies one (right: one job, one worker), which runs it and goes back to
//! waiting; main shuts down and notifies one; the other worker sleeps
//! forever and main hangs joining it. It needs both workers asleep at
//! shutdown, so every model checker finds it quickly; real threads mostly
//! shut down before the workers have even started waiting.
//!
//! The fix: `notify_all` for a change every waiter must see. `notify_one`
//! is for a change only one waiter can use (one job); shutdown concerns
//! them all.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicUsize, Backend, Condvar, Mutex, Ordering, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "notify_one_at_shutdown",
    summary: "shutdown wakes one idle worker with notify_one; the other never wakes",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads find it only now and then (about once in 1,000 runs here): \
                  main usually shuts down before both workers are waiting, and a worker that \
                  sees the flag before it waits exits",
    spurious: false,
};

// ANCHOR: setup
/// A job: a number to add to the pool's total.
type Job = usize;

/// What the workers wait for.
struct State {
    jobs: VecDeque<Job>,
    shutdown: bool,
}

/// A pool of two workers.
struct Pool<B: Backend> {
    state: Mutex<B, State>,
    work_or_shutdown: Condvar<B>,
    total: AtomicUsize<B>,
}

impl<B: Backend> Pool<B> {
    /// A worker: runs jobs until shutdown, then drains the rest and exits.
    fn work(&self) {
        loop {
            let mut state = self
                .work_or_shutdown
                .wait_while(self.state.lock(), |s| s.jobs.is_empty() && !s.shutdown);
            let Some(job) = state.jobs.pop_front() else {
                return; // no job, so shutdown: exit
            };
            drop(state);
            // Relaxed: a sum orders nothing; join() publishes it to main.
            self.total.fetch_add(job, Ordering::Relaxed);
        }
    }

    /// Queues one job and wakes one worker: one job needs one worker.
    fn submit(&self, job: Job) {
        self.state.lock().jobs.push_back(job);
        self.work_or_shutdown.notify_one();
    }
}

/// Two workers, one job, then shutdown and join.
fn run<B: Backend>(wake_at_shutdown: fn(&Condvar<B>)) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        state: Mutex::new(State {
            jobs: VecDeque::new(),
            shutdown: false,
        }),
        work_or_shutdown: Condvar::new(),
        total: AtomicUsize::new(0),
    });
    let workers: Vec<_> = (0..2)
        .map(|i| {
            let pool = pool.clone();
            thread::spawn::<B, _, _>(format!("worker-{i}"), move || pool.work()).unwrap()
        })
        .collect();
    pool.submit(5);
    pool.state.lock().shutdown = true;
    wake_at_shutdown(&pool.work_or_shutdown);
    for worker in workers {
        worker.join().unwrap();
    }
    // Relaxed: the joins ordered the workers' additions before this load.
    assert_eq!(pool.total.load(Ordering::Relaxed), 5, "the job did not run");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Wakes one worker at shutdown: any other idle worker sleeps on.
pub fn broken<B: Backend>() {
    run::<B>(|cv| cv.notify_one());
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Wakes every worker at shutdown.
pub fn fixed<B: Backend>() {
    run::<B>(|cv| cv.notify_all());
}
// ANCHOR_END: fixed
