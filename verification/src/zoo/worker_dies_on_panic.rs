//! **A worker dies on a task's panic.** The worker calls each task
//! directly. When a task panics, the panic unwinds out of the worker's loop
//! and ends the worker thread: the pool has silently lost its only worker.
//! Every task queued behind the panicking one stays queued forever, and
//! whoever waits for their results waits forever.
//!
//! The interleaving: none is needed. The submitter queues task 0 (which
//! panics) and task 1, and waits until both have finished. The worker runs
//! task 0, which panics: the worker is gone, task 1 never runs, the
//! submitter never wakes. Every schedule fails: loom and shuttle fail the
//! model as soon as the panic escapes the spawned thread, and real threads
//! hang deterministically (the watchdog reports it).
//!
//! The fix: run each task inside `std::panic::catch_unwind` (it is not a
//! synchronisation primitive, so it is fine under the checkers) and count a
//! panicked task as finished, with its failure recorded. A task's panic is
//! the task's failure, never the worker's.

use super::{Bug, Checker, program};
use crate::panics::DELIBERATE;
use executor::sync::{Arc, Backend, Condvar, Mutex, thread};
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "worker_dies_on_panic",
    summary: "a task's panic kills the only worker; the tasks behind it never run",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: every schedule fails, and real threads hang deterministically",
    spurious: false,
};

// ANCHOR: setup
type Task = Box<dyn FnOnce() + Send>;

struct State {
    /// Tasks, oldest first.
    queue: VecDeque<Task>,
    /// Tasks finished, whether they returned or panicked.
    finished: usize,
    /// Tasks that panicked.
    panicked: usize,
    /// Tasks that returned.
    returned: usize,
    /// Set by shutdown: the worker leaves once the queue is empty.
    closed: bool,
}

struct Pool<B: Backend> {
    state: Mutex<B, State>,
    /// The worker waits here for a task or for shutdown.
    work: Condvar<B>,
    /// The submitter waits here for tasks to finish.
    done: Condvar<B>,
}

impl<B: Backend> Pool<B> {
    fn submit(&self, task: Task) {
        self.state.lock().queue.push_back(task);
        self.work.notify_one();
    }

    /// The worker's loop; `run_task` says whether the task returned.
    fn work(&self, run_task: fn(Task) -> bool) {
        let mut state = self.state.lock();
        loop {
            if let Some(task) = state.queue.pop_front() {
                drop(state);
                let returned = run_task(task);
                state = self.state.lock();
                state.finished += 1;
                if returned {
                    state.returned += 1;
                } else {
                    state.panicked += 1;
                }
                self.done.notify_all();
            } else if state.closed {
                return;
            } else {
                state = self.work.wait(state);
            }
        }
    }
}

fn run<B: Backend>(run_task: fn(Task) -> bool) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            finished: 0,
            panicked: 0,
            returned: 0,
            closed: false,
        }),
        work: Condvar::new(),
        done: Condvar::new(),
    });
    let shared = pool.clone();
    let worker = thread::spawn::<B, _, _>("worker".into(), move || shared.work(run_task)).unwrap();
    pool.submit(Box::new(|| panic!("{DELIBERATE}: task 0 fails")));
    pool.submit(Box::new(|| {}));
    // The guarantee: both tasks finish, one by panicking, one by returning.
    let state = pool.done.wait_while(pool.state.lock(), |s| s.finished < 2);
    assert_eq!((state.panicked, state.returned), (1, 1));
    drop(state);
    pool.state.lock().closed = true;
    pool.work.notify_all();
    worker.join().expect("the worker survives a task's panic");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Calls the task directly: its panic unwinds through the worker.
pub fn broken<B: Backend>() {
    run::<B>(|task| {
        task();
        true
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Catches the task's panic: the worker records it and goes on.
pub fn fixed<B: Backend>() {
    run::<B>(|task| catch_unwind(AssertUnwindSafe(task)).is_ok());
}
// ANCHOR_END: fixed
