//! **A router that breaks per-key order.** A partitioned pool promises that
//! tasks of one key run in the order they were submitted. It keeps that
//! promise by giving each worker its own lane (a queue, a condition
//! variable, one thread) and sending every task of a key to the same lane:
//! one lane, one thread, first in first out. A router that spreads tasks
//! round-robin balances the load and breaks the promise: two tasks of one
//! key land in different lanes, and two workers race to run them.
//!
//! The interleaving: task (key 0, #0) goes to lane 0, task (key 0, #1) to
//! lane 1. Worker 1 wakes first and runs #1; worker 0 runs #0 after it.
//! Nothing is shared between the lanes, so no lock can order them: the
//! schedule alone decides. The model checkers find it at once; real threads
//! rarely, because lane 0's task is queued first and its worker usually
//! wins.
//!
//! The fix: route by key (`key % lanes`), so the lane's single worker and
//! its FIFO queue order a key's tasks. Load balance then comes from many
//! keys, never from splitting one.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Condvar, Mutex, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "router_breaks_order",
    summary: "round-robin routing sends one key's tasks to two workers, out of order",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads: lane 0's task is queued first and its worker usually runs it \
                  first, so the reordering shows only now and then",
    spurious: false,
};

// ANCHOR: setup
/// Lanes (each one worker thread).
const LANES: usize = 2;

/// A task: its key and its position among the key's submissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Task {
    key: usize,
    seq: usize,
}

struct LaneState {
    /// Tasks, oldest first.
    queue: VecDeque<Task>,
    /// Set by shutdown: the worker leaves once the queue is empty.
    closed: bool,
}

/// One partition: a FIFO queue served by a single worker.
struct Lane<B: Backend> {
    state: Mutex<B, LaneState>,
    /// The worker waits here for a task or for shutdown.
    work: Condvar<B>,
}

struct Pool<B: Backend> {
    lanes: [Lane<B>; LANES],
    /// Tasks in the order they ran.
    log: Mutex<B, Vec<Task>>,
}

impl<B: Backend> Pool<B> {
    fn submit(&self, lane: usize, task: Task) {
        let lane = &self.lanes[lane];
        lane.state.lock().queue.push_back(task);
        lane.work.notify_one();
    }

    /// Lane `i`'s worker: run its tasks in queue order until closed.
    fn work(&self, i: usize) {
        let lane = &self.lanes[i];
        let mut state = lane.state.lock();
        loop {
            if let Some(task) = state.queue.pop_front() {
                drop(state);
                self.log.lock().push(task);
                state = lane.state.lock();
            } else if state.closed {
                return;
            } else {
                state = lane.work.wait(state);
            }
        }
    }

    fn shutdown(&self) {
        for lane in &self.lanes {
            lane.state.lock().closed = true;
            lane.work.notify_all();
        }
    }
}

/// Picks a lane for the `n`-th submitted task.
type Router = fn(n: usize, task: Task) -> usize;

fn run<B: Backend>(route: Router) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        lanes: std::array::from_fn(|_| Lane {
            state: Mutex::new(LaneState {
                queue: VecDeque::new(),
                closed: false,
            }),
            work: Condvar::new(),
        }),
        log: Mutex::new(Vec::new()),
    });
    let workers: Vec<_> = (0..LANES)
        .map(|i| {
            let shared = pool.clone();
            thread::spawn::<B, _, _>(format!("lane-{i}"), move || shared.work(i)).unwrap()
        })
        .collect();
    let submitted = [Task { key: 0, seq: 0 }, Task { key: 0, seq: 1 }];
    for (n, task) in submitted.into_iter().enumerate() {
        pool.submit(route(n, task), task);
    }
    pool.shutdown();
    for worker in workers {
        worker.join().unwrap();
    }
    // The guarantee: each key's tasks ran in submission order.
    let log = pool.log.lock();
    let order: Vec<usize> = log.iter().filter(|t| t.key == 0).map(|t| t.seq).collect();
    assert_eq!(order, [0, 1], "key 0's tasks ran out of submission order");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Round-robin: spreads one key's tasks over both lanes.
pub fn broken<B: Backend>() {
    run::<B>(|n, _task| n % LANES);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// By key: all of a key's tasks share one lane, hence one worker.
pub fn fixed<B: Backend>() {
    run::<B>(|_n, task| task.key % LANES);
}
// ANCHOR_END: fixed
