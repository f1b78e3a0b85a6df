//! # Interview drill: backpressure and worker health, reference solution
//!
//! Everything sits behind one lock: the depth, the signal derived from it,
//! the failure count and the heartbeats. So "check there is room, then
//! take it" is one step (two racers cannot both get the last slot), and
//! the signal always matches the depth history that produced it. The
//! hysteresis is two thresholds and a remembered state: only an enqueue
//! can switch the signal on (depth above 80%) and only a dequeue can
//! switch it off (depth below 50%); between the two it holds. Heartbeats
//! keep the maximum time seen per worker, so a late report carrying an
//! older time cannot make a worker look fresher or staler than it is. A
//! worker is stale when `now - last_seen > stale_after`: per worker, so a
//! busy sibling cannot hide a stuck one.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class LoadMonitor:
//!     def __init__(self, capacity, workers, stale_after, now):
//!         self._lock = threading.Lock()
//!         self._capacity = capacity
//!         self._depth = 0
//!         self._overloaded = False
//!         self._failures = 0
//!         self._stale_after = stale_after
//!         self._last_seen = [now] * workers
//!
//!     def try_enqueue(self):
//!         with self._lock:
//!             if self._depth >= self._capacity:
//!                 return False               # fast-fail: the caller sheds load
//!             self._depth += 1
//!             if self._depth * 10 > self._capacity * 8:
//!                 self._overloaded = True
//!             return True
//!
//!     def dequeued(self):
//!         with self._lock:
//!             self._depth -= 1
//!             if self._depth * 10 < self._capacity * 5:
//!                 self._overloaded = False
//!
//!     def overloaded(self):
//!         with self._lock:
//!             return self._overloaded
//!
//!     def heartbeat(self, worker, now):
//!         with self._lock:
//!             self._last_seen[worker] = max(self._last_seen[worker], now)
//!
//!     def finished(self, worker, now, ok):
//!         with self._lock:
//!             self._last_seen[worker] = max(self._last_seen[worker], now)
//!             if not ok:
//!                 self._failures += 1
//!
//!     def failures(self):
//!         with self._lock:
//!             return self._failures
//!
//!     def stale_workers(self, now):
//!         with self._lock:
//!             return [w for w, seen in enumerate(self._last_seen)
//!                     if now - seen > self._stale_after]
//! ```

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
        (0..s.last_seen.len())
            .filter(|&w| now.saturating_sub(s.last_seen[w]) > s.stale_after)
            .collect()
    }
}
