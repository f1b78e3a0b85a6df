//! Wrong: the dying worker reports its death and starts its replacement,
//! but the task it held dies with it. That task was popped from the queue
//! and never finished: it is neither completed nor dead-lettered, and the
//! caller who was told `Ok(())` never hears of it again (lost work).

use exercises::prelude::*;

/// What one run of a task did to the worker that ran it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The task finished; the worker takes the next one.
    Done,
    /// The failure escaped the task: this worker must not be reused.
    Fatal,
}

/// A unit of work. It may run more than once, so it is `FnMut`.
pub type Task = Box<dyn FnMut() -> Outcome + Send + 'static>;

/// What became of the work so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Ids of the tasks that returned `Done`, in the order they did.
    pub completed: Vec<u32>,
    /// `(id, attempts)` of the tasks given up on, in the order they were.
    pub dead_letters: Vec<(u32, u32)>,
    /// Replacement workers started.
    pub restarts: usize,
    /// The restart cap was exceeded: the pool refuses all work.
    pub failed: bool,
}

/// A pool whose dead workers are replaced, up to a cap.
pub struct Supervisor<B: Backend> {
    shared: Arc<B, Shared<B>>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State<B>>,
    work: Condvar<B>,
    max_attempts: u32,
    max_restarts: usize,
}

struct State<B: Backend> {
    queue: VecDeque<Job>,
    closed: bool,
    workers: Vec<JoinHandle<B, ()>>,
    report: Report,
}

struct Job {
    id: u32,
    attempts: u32,
    task: Task,
}

impl<B: Backend> Supervisor<B> {
    /// Starts `workers` workers; a task runs at most `max_attempts` times,
    /// and at most `max_restarts` replacements are started.
    pub fn new(workers: usize, max_attempts: u32, max_restarts: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
                workers: Vec::new(),
                report: Report::default(),
            }),
            work: Condvar::new(),
            max_attempts,
            max_restarts,
        });
        let mut state = shared.state.lock();
        for slot in 0..workers {
            start(&shared, &mut state, slot);
        }
        drop(state);
        Self { shared }
    }

    /// Queues task `id`, or hands it back if the pool is shut down or failed.
    pub fn submit(&self, id: u32, task: Task) -> Result<(), Task> {
        let mut state = self.shared.state.lock();
        if state.closed {
            return Err(task);
        }
        state.queue.push_back(Job {
            id,
            attempts: 0,
            task,
        });
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    /// Stops accepting, lets the workers (replacements too) drain the
    /// queue, joins them all, and returns the final report.
    pub fn shutdown(&self) -> Report {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        loop {
            let round = std::mem::take(&mut self.shared.state.lock().workers);
            if round.is_empty() {
                return self.report();
            }
            round.into_iter().for_each(join);
        }
    }

    /// A snapshot of what became of the work so far.
    pub fn report(&self) -> Report {
        self.shared.state.lock().report.clone()
    }
}

/// Starts the worker for `slot` and files its handle, with the lock held
/// so that shutdown cannot miss it.
fn start<B: Backend>(shared: &Arc<B, Shared<B>>, state: &mut State<B>, slot: usize) {
    let me = shared.clone();
    let handle = spawn::<B, _>(format!("worker-{slot}"), move || work(&me, slot));
    state.workers.push(handle);
}

/// The worker loop: run tasks until closed and drained, or until a task
/// kills this worker.
fn work<B: Backend>(shared: &Arc<B, Shared<B>>, slot: usize) {
    let mut state = shared.state.lock();
    loop {
        state = shared
            .work
            .wait_while(state, |s| s.queue.is_empty() && !s.closed);
        let Some(mut job) = state.queue.pop_front() else {
            return; // closed, and nothing left to drain
        };
        job.attempts += 1;
        drop(state);
        let outcome = (job.task)();
        state = shared.state.lock();
        if outcome == Outcome::Fatal {
            return died(shared, &mut state, slot, job);
        }
        state.report.completed.push(job.id);
    }
}

/// The dying worker's last act, in one critical section: place the task
/// it held, then start its replacement or, past the cap, fail the pool.
fn died<B: Backend>(shared: &Arc<B, Shared<B>>, state: &mut State<B>, slot: usize, job: Job) {
    if !state.report.failed && state.report.restarts < shared.max_restarts {
        state.report.restarts += 1;
        drop(job); // BUG: the held task goes down with its worker
        return start(shared, state, slot);
    }
    state.report.dead_letters.push((job.id, job.attempts));
    state.report.failed = true;
    state.closed = true;
    while let Some(queued) = state.queue.pop_front() {
        state.report.dead_letters.push((queued.id, queued.attempts));
    }
    shared.work.notify_all(); // idle workers must see `closed` and leave
}
