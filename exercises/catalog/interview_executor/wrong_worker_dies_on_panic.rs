//! Wrong: the worker calls the task directly. The first task that panics
//! unwinds through the worker loop and ends the thread: the pool silently
//! loses a worker, and with one worker every task queued behind the panic
//! waits forever (here shutdown returns, but the task never ran).

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// A consistent snapshot of the executor's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    /// Calls to `try_submit`.
    pub submitted: u64,
    /// Tasks queued by `try_submit`.
    pub accepted: u64,
    /// Tasks handed back (full or shut down).
    pub rejected: u64,
    /// Tasks that ran and returned.
    pub completed: u64,
    /// Tasks that ran and panicked.
    pub failed: u64,
    /// Tasks waiting in the queue.
    pub queued: u64,
    /// Tasks a worker is running right now.
    pub running: u64,
}

/// A fixed pool of named workers over one bounded queue.
pub struct Executor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    work: Condvar<B>,
}

struct State {
    queue: VecDeque<Task>,
    capacity: usize,
    closed: bool,
    metrics: Metrics,
}

impl<B: Backend> Executor<B> {
    /// Starts `workers` threads over a queue of `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                capacity,
                closed: false,
                metrics: Metrics::default(),
            }),
            work: Condvar::new(),
        });
        let handles = (0..workers)
            .map(|i| {
                let shared = shared.clone();
                spawn::<B, _>(format!("worker-{i}"), move || work(&shared))
            })
            .collect();
        Self {
            shared,
            workers: Mutex::new(handles),
        }
    }

    /// Queues `task`, or hands it back if the queue is full or shut down.
    pub fn try_submit(&self, task: Task) -> Result<(), Task> {
        let mut state = self.shared.state.lock();
        state.metrics.submitted += 1;
        if state.closed || state.queue.len() >= state.capacity {
            state.metrics.rejected += 1;
            return Err(task);
        }
        state.queue.push_back(task);
        state.metrics.accepted += 1;
        state.metrics.queued += 1;
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    /// Stops accepting, drains the queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        let handles = std::mem::take(&mut *self.workers.lock());
        for handle in handles {
            let _ = handle.join(); // a dead worker's panic is ignored here
        }
    }

    /// A snapshot of the counters.
    pub fn metrics(&self) -> Metrics {
        self.shared.state.lock().metrics
    }
}

/// The worker loop: wait for a task or for shutdown; leave once closed and
/// drained.
fn work<B: Backend>(shared: &Shared<B>) {
    let mut state = shared.state.lock();
    loop {
        state = shared.work.wait_while(state, |s| s.queue.is_empty() && !s.closed);
        let Some(task) = state.queue.pop_front() else {
            return; // closed, and nothing left to drain
        };
        state.metrics.queued -= 1;
        state.metrics.running += 1;
        drop(state);
        task();
        let returned = true;
        state = shared.state.lock();
        state.metrics.running -= 1;
        if returned {
            state.metrics.completed += 1;
        } else {
            state.metrics.failed += 1;
        }
    }
}
