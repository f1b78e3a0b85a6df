//! Wrong: the counters are atomics bumped outside the queue's lock
//! (submitted before it, accepted or rejected after it). Each count ends
//! right, but a snapshot taken in between shows a submission that is
//! neither accepted nor rejected.

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

/// Counters kept outside the lock ("atomics are thread-safe").
struct Counters<B: Backend> {
    submitted: AtomicU64<B>,
    accepted: AtomicU64<B>,
    rejected: AtomicU64<B>,
}

/// A bounded queue that refuses, rather than blocks, when full.
pub struct FastFailQueue<B: Backend> {
    capacity: usize,
    state: Mutex<B, State>,
    counters: Counters<B>,
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
            counters: Counters {
                submitted: AtomicU64::new(0),
                accepted: AtomicU64::new(0),
                rejected: AtomicU64::new(0),
            },
        }
    }

    /// Queues `job`, or hands it back at once if the queue is full.
    pub fn try_submit<F: FnOnce() + Send + 'static>(&self, job: F) -> Result<(), Rejected<F>> {
        self.counters.submitted.fetch_add(1, Ordering::SeqCst);
        let mut state = self.state.lock();
        if state.queue.len() >= self.capacity {
            drop(state);
            self.counters.rejected.fetch_add(1, Ordering::SeqCst);
            return Err(Rejected(job));
        }
        state.queue.push_back(Box::new(job));
        state.metrics.queued += 1;
        drop(state);
        self.counters.accepted.fetch_add(1, Ordering::SeqCst);
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
        let mut m = self.state.lock().metrics;
        m.submitted = self.counters.submitted.load(Ordering::SeqCst);
        m.accepted = self.counters.accepted.load(Ordering::SeqCst);
        m.rejected = self.counters.rejected.load(Ordering::SeqCst);
        m
    }
}
