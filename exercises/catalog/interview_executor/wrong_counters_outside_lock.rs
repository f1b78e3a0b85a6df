//! Wrong: the counters are separate atomics bumped outside the queue's
//! lock ("atomics are thread-safe, so the metrics are fine"). Each counter
//! is exact on its own, but a snapshot reads them one by one while a
//! worker is between popping a task and bumping `running`: the task is in
//! neither `queued` nor `running`, and `accepted` no longer balances.

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub type Task = Box<dyn FnOnce() + Send + 'static>;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    pub submitted: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub completed: u64,
    pub failed: u64,
    pub queued: u64,
    pub running: u64,
}

pub struct Executor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
}

struct Counters<B: Backend> {
    submitted: AtomicU64<B>,
    accepted: AtomicU64<B>,
    rejected: AtomicU64<B>,
    completed: AtomicU64<B>,
    failed: AtomicU64<B>,
    running: AtomicU64<B>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    work: Condvar<B>,
    counters: Counters<B>,
}

struct State {
    queue: VecDeque<Task>,
    capacity: usize,
    closed: bool,
}

fn bump<B: Backend>(counter: &AtomicU64<B>, delta: i64) {
    if delta > 0 {
        counter.fetch_add(delta as u64, Ordering::SeqCst);
    } else {
        counter.fetch_sub((-delta) as u64, Ordering::SeqCst);
    }
}

impl<B: Backend> Executor<B> {
    pub fn new(workers: usize, capacity: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                capacity,
                closed: false,
            }),
            work: Condvar::new(),
            counters: Counters {
                submitted: AtomicU64::new(0),
                accepted: AtomicU64::new(0),
                rejected: AtomicU64::new(0),
                completed: AtomicU64::new(0),
                failed: AtomicU64::new(0),
                running: AtomicU64::new(0),
            },
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

    pub fn try_submit(&self, task: Task) -> Result<(), Task> {
        let c = &self.shared.counters;
        bump(&c.submitted, 1);
        let mut state = self.shared.state.lock();
        if state.closed || state.queue.len() >= state.capacity {
            drop(state);
            bump(&c.rejected, 1);
            return Err(task);
        }
        state.queue.push_back(task);
        drop(state);
        bump(&c.accepted, 1);
        self.shared.work.notify_one();
        Ok(())
    }

    pub fn shutdown(&self) {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        let handles = std::mem::take(&mut *self.workers.lock());
        for handle in handles {
            join(handle);
        }
    }

    pub fn metrics(&self) -> Metrics {
        let c = &self.shared.counters;
        let queued = self.shared.state.lock().queue.len() as u64;
        Metrics {
            submitted: c.submitted.load(Ordering::SeqCst),
            accepted: c.accepted.load(Ordering::SeqCst),
            rejected: c.rejected.load(Ordering::SeqCst),
            completed: c.completed.load(Ordering::SeqCst),
            failed: c.failed.load(Ordering::SeqCst),
            queued,
            running: c.running.load(Ordering::SeqCst),
        }
    }
}

fn work<B: Backend>(shared: &Shared<B>) {
    let c = &shared.counters;
    loop {
        let state = shared.work.wait_while(shared.state.lock(), |s| s.queue.is_empty() && !s.closed);
        let mut state = state;
        let Some(task) = state.queue.pop_front() else {
            return;
        };
        drop(state);
        bump(&c.running, 1);
        let returned = catch_unwind(AssertUnwindSafe(task)).is_ok();
        bump(&c.running, -1);
        bump(if returned { &c.completed } else { &c.failed }, 1);
    }
}
