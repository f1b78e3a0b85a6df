//! Wrong: the counters are atomics, but each update is a load followed by
//! a store. Two threads that record at once both read the same count and
//! both write count + 1: one update is lost, and the depth is wrong from
//! then on (the flag with it).

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
    // "Atomics are thread-safe, no lock needed."
    submitted: AtomicU64<B>,
    done: AtomicU64<B>,
    overloaded: AtomicBool<B>,
    flips: AtomicU64<B>,
}

impl<B: Backend> Monitor<B> {
    pub fn new(high: u64, low: u64) -> Self {
        assert!(low < high, "the low watermark must be below the high one");
        Self {
            high,
            low,
            submitted: AtomicU64::new(0),
            done: AtomicU64::new(0),
            overloaded: AtomicBool::new(false),
            flips: AtomicU64::new(0),
        }
    }

    pub fn record_submit(&self) {
        let submitted = self.submitted.load(Ordering::SeqCst) + 1;
        self.submitted.store(submitted, Ordering::SeqCst);
        self.decide(submitted - self.done.load(Ordering::SeqCst));
    }

    pub fn record_done(&self) {
        let done = self.done.load(Ordering::SeqCst) + 1;
        self.done.store(done, Ordering::SeqCst);
        self.decide(self.submitted.load(Ordering::SeqCst).saturating_sub(done));
    }

    /// Decides the flag from `depth`, then stores it: two separate steps.
    fn decide(&self, depth: u64) {
        let current = self.overloaded.load(Ordering::SeqCst);
        let wanted = if depth >= self.high {
            true
        } else if depth <= self.low {
            false
        } else {
            current
        };
        if wanted != current {
            self.overloaded.store(wanted, Ordering::SeqCst);
            self.flips.fetch_add(1, Ordering::SeqCst);
        }
    }

    pub fn overloaded(&self) -> bool {
        self.overloaded.load(Ordering::SeqCst)
    }

    pub fn snapshot(&self) -> Snapshot {
        let submitted = self.submitted.load(Ordering::SeqCst);
        let done = self.done.load(Ordering::SeqCst);
        Snapshot {
            submitted,
            done,
            depth: submitted.saturating_sub(done),
            overloaded: self.overloaded.load(Ordering::SeqCst),
            flips: self.flips.load(Ordering::SeqCst),
        }
    }
}
