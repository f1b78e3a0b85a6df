//! Wrong: every job goes to lane 0 ("one worker keeps everything in
//! order"). Order holds, but nothing runs in parallel: a job of one key
//! that waits for another key's job deadlocks, and in production one slow
//! key stalls them all.

use exercises::prelude::*;

type Job = Box<dyn FnOnce() + Send + 'static>;

struct Lane<B: Backend> {
    /// The queued jobs, and whether the pool is shutting down.
    state: Mutex<B, (VecDeque<Job>, bool)>,
    work: Condvar<B>,
}

/// Workers that each own a lane; a job's key picks its lane.
pub struct KeyedPool<B: Backend> {
    lanes: Vec<Arc<B, Lane<B>>>,
    workers: Vec<JoinHandle<B, ()>>,
}

impl<B: Backend> KeyedPool<B> {
    /// Starts `workers` workers, one lane each.
    pub fn new(workers: usize) -> Self {
        let lanes: Vec<Arc<B, Lane<B>>> = (0..workers)
            .map(|_| {
                Arc::new(Lane {
                    state: Mutex::new((VecDeque::new(), false)),
                    work: Condvar::new(),
                })
            })
            .collect();
        let workers = lanes
            .iter()
            .enumerate()
            .map(|(i, lane)| {
                let lane = lane.clone();
                spawn::<B, _>(format!("worker-{i}"), move || serve(&lane))
            })
            .collect();
        Self { lanes, workers }
    }

    /// The lane (and worker) that runs every job of `key`.
    pub fn lane_for(&self, key: u64) -> usize {
        // Fibonacci hashing: the multiply mixes the key into the high bits.
        let hash = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
        (hash % self.lanes.len() as u64) as usize
    }

    /// Queues `job` behind the earlier jobs of its lane.
    pub fn submit(&self, key: u64, job: impl FnOnce() + Send + 'static) {
        let lane = &self.lanes[0];
        lane.state.lock().0.push_back(Box::new(job));
        // One consumer per lane: notify_one reaches it.
        lane.work.notify_one();
    }

    /// Runs every queued job, then stops and joins the workers.
    pub fn shutdown(self) {
        for lane in &self.lanes {
            lane.state.lock().1 = true;
            lane.work.notify_one();
        }
        for worker in self.workers {
            join(worker);
        }
    }
}

/// One lane's worker: run its jobs in FIFO order until closed and empty.
fn serve<B: Backend>(lane: &Lane<B>) {
    loop {
        let state = lane.work.wait_while(lane.state.lock(), |(queue, closed)| {
            queue.is_empty() && !*closed
        });
        let mut state = state;
        let Some(job) = state.0.pop_front() else {
            return; // closed and drained
        };
        drop(state);
        job();
    }
}
