//! Wrong: one shared queue that every worker takes from; the key is
//! ignored. Whichever worker is free takes the next task, so a key's
//! two tasks can be taken by two workers and run in either order, and a
//! task runs on any worker, not its key's. There is no per-worker depth to
//! report either: this version returns the shared length for everyone.

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub type Task = Box<dyn FnOnce() + Send + 'static>;

pub struct PartitionedExecutor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    count: usize,
    capacity: usize,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    work: Condvar<B>,
}

struct State {
    queue: VecDeque<Task>,
    closed: bool,
}

impl<B: Backend> PartitionedExecutor<B> {
    pub fn new(workers: usize, capacity: usize) -> Self {
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
                spawn::<B, _>(format!("worker-{i}"), move || serve(&shared))
            })
            .collect();
        Self {
            shared,
            workers: Mutex::new(handles),
            count: workers,
            // the same total room as `workers` queues of `capacity`
            capacity: capacity * workers,
        }
    }

    pub fn partition_of(&self, key: &str) -> usize {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in key.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        (hash % self.count as u64) as usize
    }

    pub fn submit(&self, _key: &str, task: Task) -> Result<(), Task> {
        let mut state = self.shared.state.lock();
        if state.closed || state.queue.len() >= self.capacity {
            return Err(task);
        }
        state.queue.push_back(task);
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    pub fn depths(&self) -> Vec<usize> {
        let len = self.shared.state.lock().queue.len();
        vec![len; self.count]
    }

    pub fn shutdown(&self) {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        let handles = std::mem::take(&mut *self.workers.lock());
        for handle in handles {
            join(handle);
        }
    }
}

fn serve<B: Backend>(shared: &Shared<B>) {
    loop {
        let mut state = shared.work.wait_while(shared.state.lock(), |s| s.queue.is_empty() && !s.closed);
        let Some(task) = state.queue.pop_front() else {
            return;
        };
        drop(state);
        let _ = catch_unwind(AssertUnwindSafe(task));
    }
}
