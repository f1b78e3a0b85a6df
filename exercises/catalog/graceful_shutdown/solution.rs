//! # Graceful shutdown: reference solution
//!
//! `closed` lives under the same lock as the queue, and `submit` checks it
//! and pushes in one critical section: a job is either in the queue before
//! the flag is set (so a worker will take it) or refused. A worker sleeps
//! only while the queue is empty *and* the pool is open, and leaves only
//! when it is closed *and* the queue is empty, so it drains first. Setting
//! the flag changes the condition every idle worker waits on, so shutdown
//! wakes all of them with `notify_all`; no timeout is involved anywhere.
//! `shutdown_now` empties the queue under the lock, so each job is either
//! taken by a worker or returned, never both.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//!
//! class Pool:
//!     def __init__(self, workers):
//!         self._cv = threading.Condition()
//!         self._queue = collections.deque()
//!         self._closed = False
//!         self._threads = [threading.Thread(target=self._work, name="worker-%d" % i)
//!                          for i in range(workers)]
//!         for t in self._threads:
//!             t.start()
//!
//!     def _work(self):
//!         while True:
//!             with self._cv:
//!                 while not self._queue and not self._closed:
//!                     self._cv.wait()
//!                 if not self._queue:
//!                     return                    # closed and drained
//!                 job = self._queue.popleft()
//!             job()
//!
//!     def submit(self, job):
//!         with self._cv:
//!             if self._closed:
//!                 return False
//!             self._queue.append(job)
//!             self._cv.notify()
//!             return True
//!
//!     def shutdown(self):
//!         with self._cv:
//!             self._closed = True
//!             self._cv.notify_all()             # every idle worker
//!         for t in self._threads:
//!             t.join()
//!
//!     def shutdown_now(self):
//!         with self._cv:
//!             self._closed = True
//!             unstarted = list(self._queue)
//!             self._queue.clear()
//!             self._cv.notify_all()
//!         return unstarted
//! ```

use exercises::prelude::*;

/// A job: a closure run once, on some worker.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

struct State {
    queue: VecDeque<Job>,
    /// Set once by shutdown; no job is accepted after it.
    closed: bool,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    /// A job was queued, or the pool closed.
    work: Condvar<B>,
}

/// A pool of workers that can be shut down gracefully or at once.
pub struct Pool<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
}

impl<B: Backend> Pool<B> {
    /// Starts `workers` named worker threads.
    pub fn new(workers: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
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

    /// Queues a job, or hands it back if shutdown has begun.
    pub fn submit(&self, job: impl FnOnce() + Send + 'static) -> Result<(), Job> {
        let job: Job = Box::new(job);
        let mut state = self.shared.state.lock();
        // Check and push under one lock: shutdown cannot slip in between.
        if state.closed {
            return Err(job);
        }
        state.queue.push_back(job);
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    /// Stops accepting, drains every accepted job, joins every worker.
    pub fn shutdown(&self) {
        self.shared.state.lock().closed = true;
        // The flag changed what every idle worker waits on: wake them all.
        self.shared.work.notify_all();
        let workers = std::mem::take(&mut *self.workers.lock());
        for worker in workers {
            join(worker);
        }
    }

    /// Stops accepting and returns the jobs that never started.
    pub fn shutdown_now(&self) -> Vec<Job> {
        let mut state = self.shared.state.lock();
        state.closed = true;
        let unstarted: Vec<Job> = state.queue.drain(..).collect();
        drop(state);
        // Idle workers must wake to see the flag and leave.
        self.shared.work.notify_all();
        unstarted
    }
}

/// The worker loop: run jobs until the pool is closed and drained.
fn work<B: Backend>(shared: &Shared<B>) {
    loop {
        let state = shared.state.lock();
        // Sleep only while there is nothing to run and no reason to leave.
        let mut state = shared.work.wait_while(state, |s| s.queue.is_empty() && !s.closed);
        let Some(job) = state.queue.pop_front() else {
            return; // closed and drained
        };
        drop(state);
        job();
    }
}
