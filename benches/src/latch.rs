//! How every throughput run knows that its last task has finished, and
//! when: the same latch for every contender, so completion costs the same
//! for all.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Instant;

/// A countdown: tasks call [`Latch::count_down`], the driver blocks in
/// [`Latch::wait`] (it does not spin, so it takes no core from the
/// workers on a small machine). The last count-down records the instant
/// itself, so a driver that is slow to wake up (2 cores, busy workers)
/// does not stretch the measurement.
pub struct Latch {
    remaining: AtomicUsize,
    finished: Mutex<Option<Instant>>,
    zero: Condvar,
}

impl Latch {
    /// A latch for `count` count-downs (at least 1), leaked so that tasks
    /// can capture a `&'static` to it: one atomic per task and no `Arc`
    /// reference-count traffic on top of what is measured. One small
    /// allocation leaks per measurement, nothing per task.
    pub fn leaked(count: usize) -> &'static Latch {
        assert!(count > 0, "a latch counts at least one event");
        Box::leak(Box::new(Latch {
            remaining: AtomicUsize::new(count),
            finished: Mutex::new(None),
            zero: Condvar::new(),
        }))
    }

    /// One task done; the last one records the time and wakes the driver.
    pub fn count_down(&self) {
        if self.remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
            let now = Instant::now();
            *self.finished.lock().expect("latch lock") = Some(now);
            self.zero.notify_all();
        }
    }

    /// Blocks until the count reaches zero; returns when it did.
    pub fn wait(&self) -> Instant {
        let mut finished = self.finished.lock().expect("latch lock");
        loop {
            if let Some(at) = *finished {
                return at;
            }
            finished = self.zero.wait(finished).expect("latch lock");
        }
    }
}
