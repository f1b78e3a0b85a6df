//! Wrong: the worker calls the job directly, without catch_unwind. The
//! first job that panics unwinds the whole worker thread: its failure is
//! never counted, and with one worker every job queued behind it waits
//! forever (wait_idle hangs).

use exercises::prelude::*;

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
        job(); // a panic here ends the worker thread
        let ok = true;
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
