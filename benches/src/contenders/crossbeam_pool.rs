//! The baseline every shared ratio is taken against: the smallest pool
//! one would write over a good MPMC channel.

use super::join_all;
use super::{CAPACITY, Job};
use crate::Contender;
use crossbeam_channel::Sender;
use std::thread::JoinHandle;

/// N threads, each `recv`ing from one `crossbeam_channel::bounded(1024)`
/// until it closes. No handles, no metrics, no lifecycle: the floor.
pub struct CrossbeamPool {
    tx: Sender<Job>,
    workers: Vec<JoinHandle<()>>,
}

impl Contender for CrossbeamPool {
    const NAME: &'static str = "crossbeam pool";

    fn start(workers: usize) -> Self {
        let (tx, rx) = crossbeam_channel::bounded::<Job>(CAPACITY);
        let workers = (0..workers)
            .map(|i| {
                let rx = rx.clone();
                std::thread::Builder::new()
                    .name(format!("bench-crossbeam-{i}"))
                    .spawn(move || {
                        for job in rx.iter() {
                            job();
                        }
                    })
                    .expect("spawn worker")
            })
            .collect();
        Self { tx, workers }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, _key: u64, task: F) {
        self.tx.send(Box::new(task)).expect("workers alive");
    }

    fn shutdown(self) {
        drop(self.tx);
        join_all(self.workers);
    }
}
