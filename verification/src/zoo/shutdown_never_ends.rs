//! **Shutdown never ends.** Shutdown sets the `closed` flag but notifies
//! nobody. A worker asleep on the condition variable is waiting for "a task
//! or closed"; the flag changed, but a sleeper re-checks its condition only
//! when woken, so it sleeps forever and `join` never returns.
//!
//! The interleaving: the submitter queues one task and waits for it to
//! finish; the worker runs it, records it done, finds the queue empty and
//! goes to sleep, releasing the lock as it does; only then can the
//! submitter see the task done. It shuts down: `closed = true`, no
//! notification, then `join`. Every schedule of this scenario hangs (the
//! worker is always asleep by the time the submitter sees its task done),
//! so every checker finds it at once: loom and shuttle report a deadlock,
//! real threads a run that never finishes.
//!
//! The fix: any change a sleeper may be waiting for comes with a
//! notification. Shutdown sets the flag under the lock, then calls
//! `notify_all` (every worker must wake up and leave).

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Condvar, Mutex, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "shutdown_never_ends",
    summary: "shutdown sets the closed flag without waking the sleeping worker",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: every schedule hangs once the worker sleeps before shutdown",
    spurious: false,
};

// ANCHOR: setup
struct State {
    /// Task ids, oldest first.
    queue: VecDeque<usize>,
    /// Tasks finished.
    done: usize,
    /// Set by shutdown: workers leave once the queue is empty.
    closed: bool,
}

struct Pool<B: Backend> {
    state: Mutex<B, State>,
    /// Workers wait here for a task or for shutdown.
    work: Condvar<B>,
    /// Submitters wait here for a task to finish.
    finished: Condvar<B>,
}

impl<B: Backend> Pool<B> {
    fn submit(&self, id: usize) {
        self.state.lock().queue.push_back(id);
        self.work.notify_one();
    }

    /// The worker's loop: run tasks until closed and empty.
    fn work(&self) {
        let mut state = self.state.lock();
        loop {
            if let Some(_id) = state.queue.pop_front() {
                drop(state);
                // (the task itself would run here, outside the lock)
                state = self.state.lock();
                state.done += 1;
                self.finished.notify_all();
            } else if state.closed {
                return;
            } else {
                state = self.work.wait(state);
            }
        }
    }

    fn wait_done(&self, tasks: usize) {
        drop(
            self.finished
                .wait_while(self.state.lock(), |s| s.done < tasks),
        );
    }
}

fn run<B: Backend>(shutdown: fn(&Pool<B>)) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            done: 0,
            closed: false,
        }),
        work: Condvar::new(),
        finished: Condvar::new(),
    });
    let shared = pool.clone();
    let worker = thread::spawn::<B, _, _>("worker".into(), move || shared.work()).unwrap();
    pool.submit(0);
    pool.wait_done(1);
    shutdown(&pool);
    // The guarantee: shutdown returns, with the worker gone.
    worker.join().unwrap();
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Sets the flag; a sleeping worker never hears of it.
pub fn broken<B: Backend>() {
    run::<B>(|pool| pool.state.lock().closed = true);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Sets the flag, then wakes every worker to see it.
pub fn fixed<B: Backend>() {
    run::<B>(|pool| {
        pool.state.lock().closed = true;
        pool.work.notify_all();
    });
}
// ANCHOR_END: fixed
