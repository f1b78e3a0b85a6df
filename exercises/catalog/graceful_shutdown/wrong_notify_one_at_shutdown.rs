//! Wrong: shutdown sets the flag and calls notify_one. With two idle
//! workers only one wakes and leaves; the other sleeps on the empty queue
//! forever, and shutdown hangs joining it.

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
        // "wake a worker so it sees the flag"
        self.shared.work.notify_one();
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
