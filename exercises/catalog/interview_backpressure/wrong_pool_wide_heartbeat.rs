//! Wrong: one "last active" time for the whole pool. Any worker's report
//! refreshes it, so while one worker keeps finishing tasks, a sibling stuck
//! in a task forever is never flagged; and once the pool goes quiet, every
//! worker is flagged at once.

use exercises::prelude::*;

/// What the submit path and the workers report, for upstream and a supervisor.
pub struct LoadMonitor<B: Backend> {
    state: Mutex<B, State>,
}

struct State {
    capacity: usize,
    depth: usize,
    overloaded: bool,
    failures: u64,
    stale_after: u64,
    /// The pool's last sign of life, from any worker.
    last_seen: u64,
    workers: usize,
}

impl State {
    fn seen(&mut self, worker: usize, now: u64) {
        self.last_seen = self.last_seen.max(now);
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
                last_seen: now,
                workers,
            }),
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
        let mut s = self.state.lock();
        s.seen(worker, now);
        if !ok {
            s.failures += 1;
        }
    }

    /// Tasks that failed so far.
    pub fn failures(&self) -> u64 {
        self.state.lock().failures
    }

    /// Workers silent for more than `stale_after` at `now`, in index order.
    pub fn stale_workers(&self, now: u64) -> Vec<usize> {
        let s = self.state.lock();
        if now.saturating_sub(s.last_seen) > s.stale_after {
            (0..s.workers).collect()
        } else {
            Vec::new()
        }
    }
}
