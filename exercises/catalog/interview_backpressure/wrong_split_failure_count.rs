//! Wrong: the failure count is an atomic updated with a load and then a
//! store, outside the lock ("it is atomic, so it is safe"). Each step is
//! atomic; the pair is not. Two workers failing at once both read 0 and
//! both write 1: a failure is lost, and so is the alert it should raise.

use exercises::prelude::*;

/// What the submit path and the workers report, for upstream and a supervisor.
pub struct LoadMonitor<B: Backend> {
    state: Mutex<B, State>,
    failures: AtomicU64<B>,
}

struct State {
    capacity: usize,
    depth: usize,
    overloaded: bool,
    failures: u64,
    stale_after: u64,
    /// Per worker: the time of its last sign of life.
    last_seen: Vec<u64>,
}

impl State {
    fn seen(&mut self, worker: usize, now: u64) {
        let last = &mut self.last_seen[worker];
        *last = (*last).max(now);
    }
}

impl<B: Backend> LoadMonitor<B> {
    /// A monitor for a queue of `capacity` and `workers` workers, all seen at `now`.
    pub fn new(capacity: usize, workers: usize, stale_after: u64, now: u64) -> Self {
        Self {
            state: Mutex::new(State {
                capacity,
                depth: 0,
                overloaded: false,
                failures: 0,
                stale_after,
                last_seen: vec![now; workers],
            }),
            failures: AtomicU64::new(0),
        }
    }

    /// Admits one request if there is room; updates the overload signal.
    pub fn try_enqueue(&self) -> bool {
        let mut s = self.state.lock();
        if s.depth >= s.capacity {
            return false;
        }
        s.depth += 1;
        if s.depth * 10 > s.capacity * 8 {
            s.overloaded = true;
        }
        true
    }

    /// A worker took one request off the queue; updates the overload signal.
    pub fn dequeued(&self) {
        let mut s = self.state.lock();
        s.depth = s.depth.saturating_sub(1);
        if s.depth * 10 < s.capacity * 5 {
            s.overloaded = false;
        }
    }

    /// Whether upstream should slow down.
    pub fn overloaded(&self) -> bool {
        self.state.lock().overloaded
    }

    /// Worker `worker` is alive at `now`.
    pub fn heartbeat(&self, worker: usize, now: u64) {
        self.state.lock().seen(worker, now);
    }

    /// Worker `worker` finished a task at `now`; `ok` is false if it failed.
    pub fn finished(&self, worker: usize, now: u64, ok: bool) {
        self.state.lock().seen(worker, now);
        if !ok {
            let seen = self.failures.load(Ordering::SeqCst);
            self.failures.store(seen + 1, Ordering::SeqCst);
        }
    }

    /// Tasks that failed so far.
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::SeqCst)
    }

    /// Workers silent for more than `stale_after` at `now`, in index order.
    pub fn stale_workers(&self, now: u64) -> Vec<usize> {
        let s = self.state.lock();
        (0..s.last_seen.len())
            .filter(|&w| now.saturating_sub(s.last_seen[w]) > s.stale_after)
            .collect()
    }
}
