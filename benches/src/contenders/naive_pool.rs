//! What a first correct pool looks like: the executor's own starting
//! point (a mutex and condition variables), with nothing optimised.

use super::join_all;
use super::{CAPACITY, Job};
use crate::Contender;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

/// A bounded `Mutex<VecDeque>` with `not_empty` and `not_full` condition
/// variables; every push and pop notifies, whether anyone waits or not.
pub struct NaivePool {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    not_empty: Condvar,
    not_full: Condvar,
}

struct State {
    queue: VecDeque<Job>,
    closed: bool,
}

impl Contender for NaivePool {
    const NAME: &'static str = "naive mutex+condvar";

    fn start(workers: usize) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::with_capacity(CAPACITY),
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        });
        let workers = (0..workers)
            .map(|i| {
                let shared = Arc::clone(&shared);
                std::thread::Builder::new()
                    .name(format!("bench-naive-{i}"))
                    .spawn(move || shared.work())
                    .expect("spawn worker")
            })
            .collect();
        Self { shared, workers }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        let shared = &self.shared;
        let mut state = shared.state.lock().expect("pool lock");
        while state.queue.len() >= CAPACITY {
            state = shared.not_full.wait(state).expect("pool lock");
        }
        state.queue.push_back(Box::new(task));
        drop(state);
        shared.not_empty.notify_one();
    }

    fn shutdown(self) {
        self.shared.state.lock().expect("pool lock").closed = true;
        self.shared.not_empty.notify_all();
        join_all(self.workers);
    }
}

impl Shared {
    /// Pops and runs jobs until the pool is closed and drained.
    fn work(&self) {
        loop {
            let mut state = self.state.lock().expect("pool lock");
            let job = loop {
                if let Some(job) = state.queue.pop_front() {
                    break job;
                }
                if state.closed {
                    return;
                }
                state = self.not_empty.wait(state).expect("pool lock");
            };
            drop(state);
            self.not_full.notify_one();
            job();
        }
    }
}
