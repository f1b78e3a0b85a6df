//! Tools for grading by trace validity: record what the threads did, in
//! the order they did it, then judge the whole trace (every group of three
//! atoms is one H2O molecule, no two neighbours eat at once) rather than
//! compare one lucky output.
//!
//! Both are built from backend primitives, so the checkers see them.

use crate::prelude::*;

/// A one-way gate: `set` once, `wait` until set (Python's
/// `threading.Event` without `clear`), for scenarios that hold a task back.
pub use verification::scenarios::support::Latch;

/// An append-only, shared record of events in the order they happened:
/// the executor scenarios' `Log`, for any event type.
///
/// ```
/// use exercises::prelude::*;
/// use exercises::trace_check::Events;
/// let events = Events::<Std, &str>::shared();
/// events.push("first");
/// events.push("second");
/// assert_eq!(events.entries(), ["first", "second"]);
/// ```
pub use verification::scenarios::support::Log as Events;

/// Counts how many threads are inside a region at once, and the most
/// there ever were: the witness for "at most N at a time" guarantees.
///
/// ```
/// use exercises::prelude::*;
/// use exercises::trace_check::Occupancy;
/// let room = Occupancy::<Std>::new();
/// room.enter();
/// room.enter();
/// room.leave();
/// assert_eq!((room.now(), room.max()), (1, 2));
/// ```
pub struct Occupancy<B: Backend> {
    counts: Mutex<B, (usize, usize)>,
}

impl<B: Backend> Default for Occupancy<B> {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Backend> Occupancy<B> {
    /// An empty region.
    pub fn new() -> Self {
        Self {
            counts: Mutex::new((0, 0)),
        }
    }

    /// A thread enters; returns how many are inside now, itself included.
    pub fn enter(&self) -> usize {
        let mut counts = self.counts.lock();
        counts.0 += 1;
        counts.1 = counts.1.max(counts.0);
        counts.0
    }

    /// A thread leaves.
    pub fn leave(&self) {
        self.counts.lock().0 -= 1;
    }

    /// How many are inside now.
    pub fn now(&self) -> usize {
        self.counts.lock().0
    }

    /// The most that were ever inside at once.
    pub fn max(&self) -> usize {
        self.counts.lock().1
    }
}
