//! Wrong: one threshold instead of two. The signal is recomputed from the
//! depth on every change (`depth > 80%`), so a queue hovering around 8 or 9
//! out of 10 switches it on and off with every request: upstream sees the
//! pool flap between "slow down" and "all clear" and oscillates with it.

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
        }
    }

    /// Admits one request if there is room; updates the overload signal.
    pub fn try_enqueue(&self) -> bool {
        let mut s = self.state.lock();
        if s.depth >= s.capacity {
            return false;
        }
        s.depth += 1;
        s.overloaded = s.depth * 10 > s.capacity * 8;
        true
    }

    /// A worker took one request off the queue; updates the overload signal.
    pub fn dequeued(&self) {
        let mut s = self.state.lock();
        s.depth = s.depth.saturating_sub(1);
        s.overloaded = s.depth * 10 > s.capacity * 8;
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
        (0..s.last_seen.len())
            .filter(|&w| now.saturating_sub(s.last_seen[w]) > s.stale_after)
            .collect()
    }
}
