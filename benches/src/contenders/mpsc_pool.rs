//! The pool from the Rust book: std's channel, receiver behind a mutex.

use super::join_all;
use super::{CAPACITY, Job};
use crate::Contender;
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// `std::sync::mpsc::sync_channel(1024)`; the single receiver is shared
/// behind a `Mutex`, so one idle worker waits in `recv` holding the lock
/// and the others wait for the lock.
pub struct MpscPool {
    tx: SyncSender<Job>,
    workers: Vec<JoinHandle<()>>,
}

impl Contender for MpscPool {
    const NAME: &'static str = "std mpsc pool";

    fn start(workers: usize) -> Self {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Job>(CAPACITY);
        let rx = Arc::new(Mutex::new(rx));
        let workers = (0..workers)
            .map(|i| {
                let rx = Arc::clone(&rx);
                std::thread::Builder::new()
                    .name(format!("bench-mpsc-{i}"))
                    .spawn(move || work(&rx))
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

/// Takes jobs until the channel closes; the lock is released before the
/// job runs.
fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        let next = rx.lock().expect("receiver lock").recv();
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}
