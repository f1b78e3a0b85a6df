//! # A worker pool: reference solution
//!
//! One lock guards the queue and the counts; `work` wakes a worker when
//! something is queued, `idle` wakes `wait_idle` when the last unfinished
//! job ends. A worker waits with `wait_while` (the queue may be empty
//! again by the time it runs: another worker took the job, or the wake-up
//! was spurious), runs the job *outside* the lock so others can proceed,
//! and catches its panic so that the worker survives and the failure is
//! counted. Finishing and counting happen under the lock in one step, so
//! `wait_idle` never sees a job finished but not yet counted. `stop` queues
//! one `None` per worker behind the jobs: FIFO order means every job is
//! taken before any worker sees its pill.
//!
//! ## In Python 3.8
//! ```python
//! import queue, threading
//!
//! class WorkerPool:
//!     def __init__(self, workers):
//!         self._q = queue.Queue()
//!         self._lock = threading.Lock()
//!         self._completed = 0
//!         self._failed = 0
//!         self._threads = [threading.Thread(target=self._work, name="worker-%d" % i)
//!                          for i in range(workers)]
//!         for t in self._threads:
//!             t.start()
//!
//!     def _work(self):
//!         while True:
//!             job = self._q.get()           # blocks; put() wakes it
//!             try:
//!                 if job is None:
//!                     return
//!                 try:
//!                     job()
//!                     ok = True
//!                 except Exception:         # the worker survives
//!                     ok = False
//!                 with self._lock:
//!                     if ok:
//!                         self._completed += 1
//!                     else:
//!                         self._failed += 1
//!             finally:
//!                 self._q.task_done()       # after counting, for join()
//!
//!     def submit(self, job):
//!         self._q.put(job)
//!
//!     def wait_idle(self):
//!         self._q.join()
//!
//!     def completed(self):
//!         with self._lock:
//!             return self._completed
//!
//!     def failed(self):
//!         with self._lock:
//!             return self._failed
//!
//!     def stop(self):
//!         for _ in self._threads:
//!             self._q.put(None)
//!         for t in self._threads:
//!             t.join()
//! ```

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A job: a closure run once, on some worker.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

struct State {
    /// Queued jobs; `None` tells the worker that takes it to stop.
    queue: VecDeque<Option<Job>>,
    /// Jobs submitted and not finished yet.
    unfinished: u64,
    completed: u64,
    failed: u64,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    work: Condvar<B>,
    idle: Condvar<B>,
}

/// A fixed set of workers serving one queue.
pub struct WorkerPool<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Vec<JoinHandle<B, ()>>,
}

impl<B: Backend> WorkerPool<B> {
    /// Starts `workers` named worker threads.
    pub fn new(workers: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                unfinished: 0,
                completed: 0,
                failed: 0,
            }),
            work: Condvar::new(),
            idle: Condvar::new(),
        });
        let workers = (0..workers)
            .map(|i| {
                let shared = shared.clone();
                spawn::<B, _>(format!("worker-{i}"), move || work(&shared))
            })
            .collect();
        Self { shared, workers }
    }

    /// Queues a job for some worker.
    pub fn submit(&self, job: impl FnOnce() + Send + 'static) {
        let mut state = self.shared.state.lock();
        state.queue.push_back(Some(Box::new(job)));
        state.unfinished += 1;
        drop(state);
        // One job, so one worker is enough to wake.
        self.shared.work.notify_one();
    }

    /// Blocks until every job submitted so far has finished.
    pub fn wait_idle(&self) {
        let state = self.shared.state.lock();
        drop(self.shared.idle.wait_while(state, |s| s.unfinished > 0));
    }

    /// Jobs that ran and returned.
    pub fn completed(&self) -> u64 {
        self.shared.state.lock().completed
    }

    /// Jobs that ran and panicked.
    pub fn failed(&self) -> u64 {
        self.shared.state.lock().failed
    }

    /// Lets the queued jobs finish, then stops and joins every worker.
    pub fn stop(self) {
        let mut state = self.shared.state.lock();
        for _ in 0..self.workers.len() {
            state.queue.push_back(None);
        }
        drop(state);
        // Every worker must see a pill: wake them all.
        self.shared.work.notify_all();
        for worker in self.workers {
            join(worker);
        }
    }
}

/// The worker loop: take, run with the panic caught, account, repeat.
fn work<B: Backend>(shared: &Shared<B>) {
    loop {
        let mut state = shared.work.wait_while(shared.state.lock(), |s| s.queue.is_empty());
        let Some(job) = state.queue.pop_front().flatten() else {
            return; // a pill: every job queued before it has been taken
        };
        drop(state);
        let ok = catch_unwind(AssertUnwindSafe(job)).is_ok();
        let mut state = shared.state.lock();
        if ok {
            state.completed += 1;
        } else {
            state.failed += 1;
        }
        state.unfinished -= 1;
        let idle = state.unfinished == 0;
        drop(state);
        if idle {
            shared.idle.notify_all();
        }
    }
}
