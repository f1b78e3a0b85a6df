//! # A backpressure monitor: reference solution
//!
//! All the state is one `Snapshot` under one lock. Each `record_*` changes
//! the depth and then decides the flag from the new depth in the same
//! critical section, so the flag always reflects the latest depth in the
//! order the lock admitted the updates: a thread cannot compute "on",
//! pause, and store it after another thread stored a newer "off".
//! Hysteresis is two `if`s: switch on at `>= high`, switch off at `<= low`,
//! otherwise leave the flag alone. A snapshot is a copy taken under the
//! lock, so its fields agree with each other. (Atomics alone cannot give
//! this: the depth and the flag are two words that must change together.)
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Monitor:
//!     def __init__(self, high, low):
//!         assert low < high
//!         self._high, self._low = high, low
//!         self._lock = threading.Lock()
//!         self._s = dict(submitted=0, done=0, depth=0, overloaded=False, flips=0)
//!
//!     def _update(self, delta):
//!         with self._lock:
//!             s = self._s
//!             if delta > 0:
//!                 s["submitted"] += 1
//!             else:
//!                 s["done"] += 1
//!             s["depth"] += delta
//!             if s["depth"] >= self._high:
//!                 new = True
//!             elif s["depth"] <= self._low:
//!                 new = False
//!             else:
//!                 new = s["overloaded"]            # hysteresis band
//!             if new != s["overloaded"]:
//!                 s["overloaded"] = new
//!                 s["flips"] += 1
//!
//!     def record_submit(self): self._update(+1)
//!     def record_done(self): self._update(-1)
//!
//!     def overloaded(self):
//!         with self._lock:
//!             return self._s["overloaded"]
//!
//!     def snapshot(self):
//!         with self._lock:
//!             return dict(self._s)
//! ```

use exercises::prelude::*;

/// A consistent view of the monitor, for upstream to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Submissions recorded.
    pub submitted: u64,
    /// Completions recorded.
    pub done: u64,
    /// Jobs in the system now: `submitted - done`.
    pub depth: u64,
    /// Whether upstream should back off.
    pub overloaded: bool,
    /// How many times `overloaded` changed.
    pub flips: u64,
}

/// Watches the depth of a queue and raises an overload signal.
pub struct Monitor<B: Backend> {
    high: u64,
    low: u64,
    state: Mutex<B, Snapshot>,
}

impl<B: Backend> Monitor<B> {
    /// A monitor that turns on at depth `high` and off at depth `low`.
    pub fn new(high: u64, low: u64) -> Self {
        assert!(low < high, "the low watermark must be below the high one");
        Self {
            high,
            low,
            state: Mutex::new(Snapshot::default()),
        }
    }

    /// One job entered the system.
    pub fn record_submit(&self) {
        let mut s = self.state.lock();
        s.submitted += 1;
        s.depth += 1;
        self.decide(&mut s);
    }

    /// One job left the system.
    pub fn record_done(&self) {
        let mut s = self.state.lock();
        s.done += 1;
        s.depth -= 1;
        self.decide(&mut s);
    }

    /// Sets the flag from the depth just written, under the same lock.
    fn decide(&self, s: &mut Snapshot) {
        let wanted = if s.depth >= self.high {
            true
        } else if s.depth <= self.low {
            false
        } else {
            s.overloaded // between the watermarks: keep the state
        };
        if wanted != s.overloaded {
            s.overloaded = wanted;
            s.flips += 1;
        }
    }

    /// Whether upstream should back off now.
    pub fn overloaded(&self) -> bool {
        self.state.lock().overloaded
    }

    /// A consistent view of every counter.
    pub fn snapshot(&self) -> Snapshot {
        *self.state.lock()
    }
}
