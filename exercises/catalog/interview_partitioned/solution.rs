//! # Interview drill: the partitioned executor, reference solution
//!
//! Each worker owns a lane: a queue with its own lock and condition
//! variable, so submitters of different keys do not even contend on one
//! lock. `partition_of` is FNV-1a over the key's bytes, modulo the number
//! of workers: pure arithmetic, the same in every process (unlike a
//! randomly seeded hasher). Because one key always lands in one lane and
//! one worker takes that lane's tasks one at a time, oldest first, a key's
//! tasks run in submission order. A full lane refuses even if others are
//! empty: moving the task elsewhere would break its key's order. Shutdown
//! closes every lane, wakes every worker, and each worker leaves only once
//! its lane is closed and empty.
//!
//! ## In Python 3.8
//! ```python
//! import queue
//! import threading
//! import zlib
//!
//! _STOP = object()
//!
//! class PartitionedExecutor:
//!     def __init__(self, workers, capacity):
//!         self._lanes = [queue.Queue(maxsize=capacity) for _ in range(workers)]
//!         self._lock = threading.Lock()        # guards _closed against submit
//!         self._closed = False
//!         self._threads = [threading.Thread(target=self._worker, args=(lane,),
//!                                           name="worker-%d" % i)
//!                          for i, lane in enumerate(self._lanes)]
//!         for t in self._threads:
//!             t.start()
//!
//!     def partition_of(self, key):
//!         return zlib.crc32(key.encode("utf-8")) % len(self._lanes)  # stable
//!
//!     def submit(self, key, task):
//!         with self._lock:
//!             if self._closed:
//!                 return False
//!             try:
//!                 self._lanes[self.partition_of(key)].put_nowait(task)
//!                 return True
//!             except queue.Full:
//!                 return False
//!
//!     def depths(self):
//!         return [lane.qsize() for lane in self._lanes]   # a hint, by design
//!
//!     def _worker(self, lane):
//!         while True:
//!             task = lane.get()
//!             if task is _STOP:
//!                 return
//!             try:
//!                 task()
//!             except Exception:
//!                 pass                          # count it; never die
//!
//!     def shutdown(self):
//!         with self._lock:
//!             if self._closed:
//!                 return
//!             self._closed = True
//!         for lane in self._lanes:
//!             lane.put(_STOP)                   # after the backlog: drains first
//!         for t in self._threads:
//!             t.join()
//! ```

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A unit of work.
pub type Task = Box<dyn FnOnce() + Send + 'static>;

/// Workers with a queue each; a key always goes to the same worker.
pub struct PartitionedExecutor<B: Backend> {
    lanes: Arc<B, Vec<Lane<B>>>,
    workers: Mutex<B, Vec<JoinHandle<B, ()>>>,
    capacity: usize,
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
        let lane = &self.lanes[self.partition_of(key)];
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
