//! Wrong: `submit` ignores the key and deals tasks to the workers in turn
//! (round-robin). The load is perfectly even, but a key's second task lands
//! on another worker and can run before (or alongside) its first: per-key
//! order is gone, and `depths()` no longer points at the hot key.

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// Workers with a queue each; a key always goes to the same worker.
pub struct PartitionedExecutor<B: Backend> {
    lanes: Arc<B, Vec<Lane<B>>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    capacity: usize,
    next: AtomicUsize<B>,
}

/// One worker's queue, with its own lock and wake-up.
struct Lane<B: Backend> {
    state: Mutex<B, LaneState>,
    work: Condvar<B>,
}

struct LaneState {
    queue: VecDeque<Task>,
    closed: bool,
}

impl<B: Backend> PartitionedExecutor<B> {
    /// Starts `workers` threads, each over its own queue of `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        assert!(workers > 0, "a pool needs a worker");
        let lanes: Vec<Lane<B>> = (0..workers)
            .map(|_| Lane {
                state: Mutex::new(LaneState {
                    queue: VecDeque::new(),
                    closed: false,
                }),
                work: Condvar::new(),
            })
            .collect();
        let lanes = Arc::<B, _>::new(lanes);
        let handles = (0..workers)
            .map(|i| {
                let lanes = lanes.clone();
                spawn::<B, _>(format!("worker-{i}"), move || serve(&lanes[i]))
            })
            .collect();
        Self {
            lanes,
            workers: Mutex::new(handles),
            capacity,
            next: AtomicUsize::new(0),
        }
    }

    /// The worker that runs every task of `key`.
    pub fn partition_of(&self, key: &str) -> usize {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a, 64-bit
        for byte in key.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        (hash % self.lanes.len() as u64) as usize
    }

    /// Queues `task` on its key's worker, or hands it back if that queue is
    /// full or the executor is shut down.
    pub fn submit(&self, key: &str, task: Task) -> Result<(), Task> {
        let turn = self.next.fetch_add(1, Ordering::Relaxed) % self.lanes.len();
        let lane = &self.lanes[turn];
        let mut state = lane.state.lock();
        if state.closed || state.queue.len() >= self.capacity {
            return Err(task);
        }
        state.queue.push_back(task);
        drop(state);
        lane.work.notify_one();
        Ok(())
    }

    /// Tasks waiting in each worker's queue, by worker index.
    pub fn depths(&self) -> Vec<usize> {
        self.lanes.iter().map(|lane| lane.state.lock().queue.len()).collect()
    }

    /// Stops accepting, drains every queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        for lane in self.lanes.iter() {
            lane.state.lock().closed = true;
            lane.work.notify_all();
        }
        let handles = std::mem::take(&mut *self.workers.lock());
        for handle in handles {
            join(handle);
        }
    }
}

/// One worker: run its lane's tasks in order until closed and drained.
fn serve<B: Backend>(lane: &Lane<B>) {
    loop {
        let mut state = lane.work.wait_while(lane.state.lock(), |s| s.queue.is_empty() && !s.closed);
        let Some(task) = state.queue.pop_front() else {
            return;
        };
        drop(state);
        // AssertUnwindSafe: the task is consumed either way and shares
        // nothing with the lane, which sits behind its own lock.
        let _ = catch_unwind(AssertUnwindSafe(task));
    }
}
