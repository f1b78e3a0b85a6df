//! **Double run: peek, then pop.** A worker looks at the front of the queue
//! under the lock, lets go of the lock to run that task, and only then takes
//! the lock again to pop it. Between the peek and the pop the task is still
//! in the queue for every other worker to see: two workers can run the same
//! task, and the second pop removes a task that nobody ran.
//!
//! The interleaving: the queue holds tasks 0 and 1. Worker A peeks 0 and
//! releases the lock; worker B peeks 0 too; both run task 0; A pops 0, B
//! pops 1, which never runs. Task 0 ran twice, task 1 never. It takes one
//! preemption in the window between A's peek and A's pop, so the model
//! checkers find it at once; real threads only when the window (a short
//! task) happens to overlap.
//!
//! The fix: claim the task in the same critical section that finds it:
//! `pop_front` under one lock acquisition, then run it with the lock
//! released. Whatever is in the queue is unclaimed, always.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicUsize, Backend, Mutex, Ordering, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "double_run",
    summary: "peeking a task under one lock and popping it under another runs it twice",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads need both workers inside the same short peek-to-pop window, \
                  which a hundred runs rarely produce",
    spurious: false,
};

// ANCHOR: setup
/// Tasks in the queue; each must run exactly once.
const TASKS: usize = 2;

struct Pool<B: Backend> {
    /// Task ids, oldest first; filled before the workers start.
    queue: Mutex<B, VecDeque<usize>>,
    /// How many times each task ran.
    runs: [AtomicUsize<B>; TASKS],
}

impl<B: Backend> Pool<B> {
    fn run(&self, id: usize) {
        // Relaxed: a counter, read by main after join().
        self.runs[id].fetch_add(1, Ordering::Relaxed);
    }
}

fn run<B: Backend>(work: fn(&Pool<B>)) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        queue: Mutex::new((0..TASKS).collect()),
        runs: std::array::from_fn(|_| AtomicUsize::new(0)),
    });
    let workers: Vec<_> = (0..2)
        .map(|i| {
            let shared = pool.clone();
            thread::spawn::<B, _, _>(format!("worker-{i}"), move || work(&shared)).unwrap()
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    // Relaxed: join() ordered the workers' increments before these loads.
    let runs: Vec<usize> = pool
        .runs
        .iter()
        .map(|r| r.load(Ordering::Relaxed))
        .collect();
    assert_eq!(
        runs, [1; TASKS],
        "runs per task: each must run exactly once"
    );
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Peeks under one lock, pops under another: the task is still visible
/// in between.
pub fn broken<B: Backend>() {
    run::<B>(|pool| {
        loop {
            let Some(id) = pool.queue.lock().front().copied() else {
                return;
            };
            pool.run(id);
            pool.queue.lock().pop_front();
        }
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Pops under the lock that finds the task: claimed before anyone else
/// can see it.
pub fn fixed<B: Backend>() {
    run::<B>(|pool| {
        loop {
            let Some(id) = pool.queue.lock().pop_front() else {
                return;
            };
            pool.run(id);
        }
    });
}
// ANCHOR_END: fixed
