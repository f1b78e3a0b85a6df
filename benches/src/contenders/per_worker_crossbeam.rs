//! The baseline for the keyed ratios: per-key order by hand, one channel
//! per worker.

use super::join_all;
use super::{CAPACITY, Job};
use crate::Contender;
use crossbeam_channel::Sender;
use std::thread::JoinHandle;

/// One `crossbeam_channel::bounded(1024)` per worker; a task goes to
/// worker `key % n`, so one key's tasks run in order on one thread.
pub struct PerWorkerCrossbeam {
    lanes: Vec<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl Contender for PerWorkerCrossbeam {
    const NAME: &'static str = "per-worker crossbeam";

    fn start(workers: usize) -> Self {
        let (lanes, workers) = (0..workers)
            .map(|i| {
                let (tx, rx) = crossbeam_channel::bounded::<Job>(CAPACITY);
                let worker = std::thread::Builder::new()
                    .name(format!("bench-lane-{i}"))
                    .spawn(move || {
                        for job in rx.iter() {
                            job();
                        }
                    })
                    .expect("spawn worker");
                (tx, worker)
            })
            .unzip();
        Self { lanes, workers }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, key: u64, task: F) {
        let lane = (key % self.lanes.len() as u64) as usize;
        self.lanes[lane].send(Box::new(task)).expect("worker alive");
    }

    fn shutdown(self) {
        drop(self.lanes);
        join_all(self.workers);
    }
}
