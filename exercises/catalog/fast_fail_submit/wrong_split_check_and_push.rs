//! Wrong: try_submit checks for room in one critical section and pushes in
//! another. Two submitters both see the last free slot, both push, and the
//! queue holds more than its capacity.

use exercises::prelude::*;

/// The job handed back by a refused submission.
#[derive(Debug)]
pub struct Rejected<F>(pub F);

/// A snapshot of the queue's accounting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Metrics {
    /// Calls to `try_submit`.
    pub submitted: u64,
    /// Jobs queued.
    pub accepted: u64,
    /// Jobs handed back.
    pub rejected: u64,
    /// Jobs that `run_next` ran.
    pub completed: u64,
    /// Jobs waiting in the queue now.
    pub queued: u64,
}

type Job = Box<dyn FnOnce() + Send + 'static>;

struct State {
    queue: VecDeque<Job>,
    metrics: Metrics,
}

/// A bounded queue that refuses, rather than blocks, when full.
pub struct FastFailQueue<B: Backend> {
    capacity: usize,
    state: Mutex<B, State>,
}

impl<B: Backend> FastFailQueue<B> {
    /// An empty queue holding at most `capacity` jobs.
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            state: Mutex::new(State {
                queue: VecDeque::new(),
                metrics: Metrics::default(),
            }),
        }
    }

    /// Queues `job`, or hands it back at once if the queue is full.
    pub fn try_submit<F: FnOnce() + Send + 'static>(&self, job: F) -> Result<(), Rejected<F>> {
        let full = self.state.lock().queue.len() >= self.capacity;
        let mut state = self.state.lock();
        state.metrics.submitted += 1;
        if full {
            state.metrics.rejected += 1;
            return Err(Rejected(job));
        }
        state.queue.push_back(Box::new(job));
        state.metrics.accepted += 1;
        state.metrics.queued += 1;
        Ok(())
    }

    /// Runs the oldest queued job; `false` if there was none.
    pub fn run_next(&self) -> bool {
        let mut state = self.state.lock();
        let Some(job) = state.queue.pop_front() else {
            return false;
        };
        state.metrics.queued -= 1;
        drop(state);
        job();
        self.state.lock().metrics.completed += 1;
        true
    }

    /// A consistent snapshot of the counts.
    pub fn metrics(&self) -> Metrics {
        self.state.lock().metrics
    }
}
