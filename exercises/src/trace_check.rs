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

/// A task that sets `started`, then waits for `release`: it holds a
/// worker for as long as a scenario needs the queue behind it to fill.
///
/// ```
/// use exercises::prelude::*;
/// use exercises::trace_check::{Latch, gated};
/// let (started, release) = (Latch::<Std>::shared(), Latch::<Std>::shared());
/// let worker = spawn::<Std, _>("worker", gated(&started, &release));
/// started.wait(); // the worker is busy now
/// release.set();
/// join(worker);
/// ```
pub use verification::scenarios::support::gated;

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

/// A meeting point for `parties` threads: each [`Rendezvous::arrive`]
/// waits until all have arrived. The witness for "these run at the same
/// time": jobs that each arrive can only finish if the code under test
/// runs them together, so a worker that left early, or a job run under a
/// lock, leaves the first to arrive waiting, and the checker reports the
/// deadlock.
///
/// ```
/// use exercises::prelude::*;
/// use exercises::trace_check::Rendezvous;
/// let meet = Rendezvous::<Std>::shared(2);
/// let other = meet.clone();
/// let t = spawn::<Std, _>("other", move || other.arrive());
/// meet.arrive(); // returns once "other" has arrived too
/// join(t);
/// ```
pub struct Rendezvous<B: Backend> {
    parties: usize,
    arrived: Mutex<B, usize>,
    all_here: Condvar<B>,
}

impl<B: Backend> Rendezvous<B> {
    /// A meeting point for `parties` threads, to share among them.
    pub fn shared(parties: usize) -> Arc<B, Self> {
        Arc::new(Self {
            parties,
            arrived: Mutex::new(0),
            all_here: Condvar::new(),
        })
    }

    /// Arrives, then waits until every party has.
    pub fn arrive(&self) {
        *self.arrived.lock() += 1;
        self.all_here.notify_all();
        drop(
            self.all_here
                .wait_while(self.arrived.lock(), |n| *n < self.parties),
        );
    }
}

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
