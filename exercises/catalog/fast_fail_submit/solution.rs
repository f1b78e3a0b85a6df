//! # Fast-fail submission: reference solution
//!
//! The queue and every counter sit under one lock, and `try_submit` does
//! all of its work in one critical section: count the submission, look at
//! the length, then either push and count it accepted, or count it
//! rejected. No other thread can see the state between those steps, so
//! two submitters cannot both take the last slot, and a snapshot (taken
//! under the same lock) always has `submitted == accepted + rejected`. The
//! job is only boxed once it is accepted, so a refused job goes back to the
//! caller with its own type. `run_next` runs the job outside the lock: a
//! slow job must not block submitters.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//!
//! class Rejected(Exception):
//!     def __init__(self, job):
//!         super().__init__("queue full")
//!         self.job = job
//!
//! class FastFailQueue:
//!     def __init__(self, capacity):
//!         self._capacity = capacity
//!         self._lock = threading.Lock()
//!         self._queue = collections.deque()
//!         self._m = dict(submitted=0, accepted=0, rejected=0, completed=0)
//!
//!     def try_submit(self, job):
//!         with self._lock:                  # check and push in one step
//!             self._m["submitted"] += 1
//!             if len(self._queue) >= self._capacity:
//!                 self._m["rejected"] += 1
//!                 raise Rejected(job)
//!             self._queue.append(job)
//!             self._m["accepted"] += 1
//!
//!     def run_next(self):
//!         with self._lock:
//!             if not self._queue:
//!                 return False
//!             job = self._queue.popleft()
//!         job()                             # outside the lock
//!         with self._lock:
//!             self._m["completed"] += 1
//!         return True
//!
//!     def metrics(self):
//!         with self._lock:
//!             return dict(self._m, queued=len(self._queue))
//! ```

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
        let mut state = self.state.lock();
        state.metrics.submitted += 1;
        if state.queue.len() >= self.capacity {
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
