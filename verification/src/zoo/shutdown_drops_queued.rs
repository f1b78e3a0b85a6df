//! **Shutdown drops queued tasks.** A worker that leaves as soon as it sees
//! the pool closed abandons whatever is still in the queue: tasks the pool
//! accepted, and promised to run, are silently lost.
//!
//! The interleaving: the worker is not yet running (or is asleep); the
//! submitter queues task 0 and task 1 (both accepted, the pool is open),
//! then shuts down. The worker takes the lock, checks `closed` first, sees
//! it set and returns: the queue still holds both tasks. Nothing needs to
//! be preempted: the submitter only has to run ahead of the worker, which is
//! what a freshly spawned thread usually lets it do, so real threads find
//! it almost every run too.
//!
//! The fix: closing means "accept nothing new", not "stop now". A worker
//! takes the next task first, and leaves only when the pool is closed *and*
//! the queue is empty (a graceful shutdown drains).

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicUsize, Backend, Condvar, Mutex, Ordering, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "shutdown_drops_queued",
    summary: "workers leave at shutdown with accepted tasks still queued",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: the submitter only has to run ahead of the worker",
    spurious: false,
};

// ANCHOR: setup
/// Tasks the scenario submits before shutting down.
const TASKS: usize = 2;

struct State {
    /// Task ids, oldest first.
    queue: VecDeque<usize>,
    /// Set by shutdown: no new task is accepted.
    closed: bool,
}

struct Pool<B: Backend> {
    state: Mutex<B, State>,
    /// Signalled when a task is queued or the pool closes.
    work: Condvar<B>,
    /// Tasks that ran.
    ran: AtomicUsize<B>,
}

impl<B: Backend> Pool<B> {
    /// Queues task `id`; `false` if the pool is closed.
    fn submit(&self, id: usize) -> bool {
        let mut state = self.state.lock();
        if state.closed {
            return false;
        }
        state.queue.push_back(id);
        drop(state);
        self.work.notify_one();
        true
    }

    fn shutdown(&self) {
        self.state.lock().closed = true;
        self.work.notify_all();
    }

    fn run(&self, _id: usize) {
        // Relaxed: a counter, read by the submitter after join().
        self.ran.fetch_add(1, Ordering::Relaxed);
    }
}

/// What a worker does next, decided under the lock.
enum Next {
    Run(usize),
    Wait,
    Leave,
}

fn run<B: Backend>(next: fn(&mut State) -> Next) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            closed: false,
        }),
        work: Condvar::new(),
        ran: AtomicUsize::new(0),
    });
    let shared = pool.clone();
    let worker = thread::spawn::<B, _, _>("worker".into(), move || {
        let mut state = shared.state.lock();
        loop {
            match next(&mut state) {
                Next::Run(id) => {
                    drop(state);
                    shared.run(id);
                    state = shared.state.lock();
                }
                Next::Wait => state = shared.work.wait(state),
                Next::Leave => return,
            }
        }
    })
    .unwrap();
    let mut accepted = 0;
    for id in 0..TASKS {
        if pool.submit(id) {
            accepted += 1;
        }
    }
    pool.shutdown();
    worker.join().unwrap();
    // Relaxed: join() ordered the worker's increments before this load.
    let ran = pool.ran.load(Ordering::Relaxed);
    assert_eq!(ran, accepted, "{accepted} tasks accepted, only {ran} ran");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Checks `closed` first: leaves with tasks still queued.
pub fn broken<B: Backend>() {
    run::<B>(|state| {
        if state.closed {
            return Next::Leave;
        }
        match state.queue.pop_front() {
            Some(id) => Next::Run(id),
            None => Next::Wait,
        }
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Takes the next task first; leaves only when closed and empty.
pub fn fixed<B: Backend>() {
    run::<B>(|state| match state.queue.pop_front() {
        Some(id) => Next::Run(id),
        None if state.closed => Next::Leave,
        None => Next::Wait,
    });
}
// ANCHOR_END: fixed
