//! Named test threads, and the watchdog that turns a hung thread into a
//! test failure.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Sends on drop: tells the test a thread has finished, even by panicking.
pub struct Done(pub mpsc::Sender<()>);

impl Drop for Done {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

/// How long the threads of one test may take before it counts as a hang.
const WATCHDOG: Duration = Duration::from_secs(60);

pub fn spawn<T: Send + 'static>(
    name: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> thread::JoinHandle<T> {
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(f)
        .expect("spawn test thread")
}

/// Waits until `count` threads have dropped their [`Done`]. A pool that
/// loses a wake-up (a worker or blocked submitter never told of shutdown)
/// would otherwise hang the test; the watchdog turns that into a failure.
/// It bounds the wait only: nothing relies on it firing.
pub fn await_threads(done: &mpsc::Receiver<()>, count: usize) {
    let deadline = Instant::now() + WATCHDOG;
    for finished in 0..count {
        let left = deadline.saturating_duration_since(Instant::now());
        if done.recv_timeout(left).is_err() {
            panic!(
                "hang: {} of {count} test threads still running after {WATCHDOG:?} \
                 (a lost wake-up or a deadlock in the pool?)",
                count - finished
            );
        }
    }
}

/// Joins a finished thread, passing its panic on.
pub fn join<T>(handle: thread::JoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
