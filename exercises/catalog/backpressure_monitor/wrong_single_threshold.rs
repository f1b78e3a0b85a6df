//! Wrong: one threshold: on at depth >= high, off as soon as the depth
//! drops below high. With the depth hovering at the threshold the signal
//! flips at every job, and upstream oscillates with it.

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
        } else {
            false
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
