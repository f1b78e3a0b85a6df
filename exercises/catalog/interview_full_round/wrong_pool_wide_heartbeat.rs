//! # Wrong: stuck detection compares the pool's progress (stage 3)
//!
//! `stuck_workers` asks "did the pool finish anything?" instead of "did
//! this worker?": while one worker hangs on a task, a sibling that keeps
//! finishing tasks hides it, and the supervisor never flags it.

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// A consistent snapshot of the executor's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    /// Calls to `try_submit` and `submit`.
    pub submitted: u64,
    /// Tasks queued by them.
    pub accepted: u64,
    /// Tasks handed back (full or shut down).
    pub rejected: u64,
    /// Tasks that ran and returned.
    pub completed: u64,
    /// Tasks that ran and panicked.
    pub failed: u64,
    /// Tasks waiting, in the shared queue and every lane.
    pub queued: u64,
    /// Tasks a worker is running right now.
    pub running: u64,
}

/// One worker's health, as a supervisor reads it (stage 3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerStats {
    /// Tasks this worker finished, returned or panicked: its heartbeat.
    pub finished: u64,
    /// Of those, the tasks that panicked.
    pub failed: u64,
    /// Whether it is running a task right now.
    pub busy: bool,
}

/// A fixed pool of named workers: one shared queue, one lane per worker.
pub struct Executor<B: Backend> {
    shared: Arc<B, Shared<B>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    /// How many workers (and lanes) there are, fixed at `new`.
    count: usize,
}

struct Shared<B: Backend> {
    state: Mutex<B, State>,
    /// Workers wait here for their lane, the shared queue, or shutdown.
    work: Condvar<B>,
}

struct State {
    // Stage 1.
    queue: VecDeque<Task>,
    capacity: usize,
    closed: bool,
    metrics: Metrics,
    // Stage 2: lanes[i] is served by worker i alone.
    lanes: Vec<VecDeque<Task>>,
    // Stage 3.
    overloaded: bool,
    stats: Vec<WorkerStats>,
}

impl State {
    /// Switches the pressure flag after the depth changed: on above 80% of
    /// capacity, off below 50%, unchanged in between (no flapping).
    fn depth_changed(&mut self) {
        let queued = self.metrics.queued as usize;
        if queued * 5 > self.capacity * 4 {
            self.overloaded = true;
        } else if queued * 2 < self.capacity {
            self.overloaded = false;
        }
    }
}

// ---- stage 1: the executor ----

impl<B: Backend> Executor<B> {
    /// Starts `workers` threads named `worker-0`, ... over a shared queue
    /// and one lane each, every queue holding at most `capacity` tasks.
    pub fn new(workers: usize, capacity: usize) -> Self {
        assert!(workers > 0, "a pool needs a worker");
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                capacity,
                closed: false,
                metrics: Metrics::default(),
                lanes: (0..workers).map(|_| VecDeque::new()).collect(),
                overloaded: false,
                stats: vec![WorkerStats::default(); workers],
            }),
            work: Condvar::new(),
        });
        let handles = (0..workers)
            .map(|i| {
                let shared = shared.clone();
                spawn::<B, _>(format!("worker-{i}"), move || work(&shared, i))
            })
            .collect();
        Self {
            shared,
            workers: Mutex::new(handles),
            count: workers,
        }
    }

    /// Queues `task` for any worker, or hands it back if the shared queue
    /// is full or the pool is shut down. Never blocks.
    pub fn try_submit(&self, task: Task) -> Result<(), Task> {
        self.admit(None, task)
    }

    /// Stops accepting, drains every queue, wakes and joins every worker.
    pub fn shutdown(&self) {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        let handles = std::mem::take(&mut *self.workers.lock());
        for handle in handles {
            join(handle);
        }
    }

    /// A snapshot of the counters.
    pub fn metrics(&self) -> Metrics {
        self.shared.state.lock().metrics
    }

    /// The check and the push in one critical section, so two submitters
    /// never both take the last slot; `lane` is `None` for the shared queue.
    fn admit(&self, lane: Option<usize>, task: Task) -> Result<(), Task> {
        let mut state = self.shared.state.lock();
        state.metrics.submitted += 1;
        let capacity = state.capacity;
        let closed = state.closed;
        let queue = match lane {
            Some(i) => &mut state.lanes[i],
            None => &mut state.queue,
        };
        if closed || queue.len() >= capacity {
            state.metrics.rejected += 1;
            return Err(task);
        }
        queue.push_back(task);
        state.metrics.accepted += 1;
        state.metrics.queued += 1;
        state.depth_changed();
        drop(state);
        if lane.is_some() {
            // Only one worker may serve a lane: notify_one could wake another.
            self.shared.work.notify_all();
        } else {
            self.shared.work.notify_one();
        }
        Ok(())
    }
}

/// Worker `me`: its own lane first, then the shared queue; leaves once
/// both are empty and the pool is closed.
fn work<B: Backend>(shared: &Shared<B>, me: usize) {
    let mut state = shared.state.lock();
    loop {
        state = shared.work.wait_while(state, |s| {
            s.lanes[me].is_empty() && s.queue.is_empty() && !s.closed
        });
        let next = match state.lanes[me].pop_front() {
            Some(task) => Some(task),
            None => state.queue.pop_front(),
        };
        let Some(task) = next else {
            return; // closed, and nothing of ours left to drain
        };
        state.metrics.queued -= 1;
        state.metrics.running += 1;
        state.stats[me].busy = true;
        state.depth_changed();
        drop(state);
        // AssertUnwindSafe: the task is consumed either way, and the only
        // state we touch afterwards sits behind the lock, untouched by it.
        let returned = catch_unwind(AssertUnwindSafe(task)).is_ok();
        state = shared.state.lock();
        state.metrics.running -= 1;
        let stats = &mut state.stats[me];
        stats.busy = false;
        stats.finished += 1;
        if returned {
            state.metrics.completed += 1;
        } else {
            stats.failed += 1;
            state.metrics.failed += 1;
        }
    }
}

// ---- stage 2: partitioning ----

impl<B: Backend> Executor<B> {
    /// The worker that runs every task of `key`: a stable hash (FNV-1a)
    /// modulo the number of workers.
    pub fn partition_of(&self, key: &str) -> usize {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in key.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        (hash % self.count as u64) as usize
    }

    /// Queues `task` on its key's lane, or hands it back if that lane is
    /// full or the pool is shut down, even if other queues have room.
    pub fn submit(&self, key: &str, task: Task) -> Result<(), Task> {
        self.admit(Some(self.partition_of(key)), task)
    }

    /// Tasks waiting in each worker's lane, by worker index.
    pub fn depths(&self) -> Vec<usize> {
        self.shared.state.lock().lanes.iter().map(VecDeque::len).collect()
    }
}

// ---- stage 3: backpressure and failures ----

impl<B: Backend> Executor<B> {
    /// Whether upstream should slow down: on above 80% of `capacity`
    /// tasks waiting (all queues together), off below 50%.
    pub fn overloaded(&self) -> bool {
        self.shared.state.lock().overloaded
    }

    /// Each worker's stats, by worker index, in one consistent snapshot.
    pub fn worker_stats(&self) -> Vec<WorkerStats> {
        self.shared.state.lock().stats.clone()
    }

    /// Workers busy now and in `earlier` (an older `worker_stats()`) that
    /// finished nothing in between: stuck on one task for that long.
    pub fn stuck_workers(&self, earlier: &[WorkerStats]) -> Vec<usize> {
        let state = self.shared.state.lock();
        // BUG: progress of the whole pool, not of each worker.
        let total = |stats: &[WorkerStats]| stats.iter().map(|s| s.finished).sum::<u64>();
        let progressed = total(&state.stats) != total(earlier);
        let pairs = state.stats.iter().zip(earlier).enumerate();
        pairs
            .filter(|(_, (now, then))| now.busy && then.busy && !progressed)
            .map(|(i, _)| i)
            .collect()
    }
}
