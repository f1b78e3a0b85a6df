//! # River crossing: reference solution
//!
//! The state is the boat at the landing: how many hackers and serfs are
//! aboard. A rider may board if, with it aboard, the boat still has at
//! most four and is not three of one camp with one of the other (a boat
//! that is legal so far can always be finished legally: two and one takes
//! one more of the one, three and none one more of the three). Otherwise
//! it waits for the next boat.
//!
//! Boarding, and for the fourth rider rowing, happen under one lock hold,
//! so the trace shows exactly the four riders the boat took, then its
//! `row`: nobody boards the next boat until this one has left, because
//! the counts only go back to zero after the captain has rowed. Then
//! every waiter may fit the new boat, so the captain wakes them all.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! HACKER, SERF = 0, 1
//!
//! class RiverCrossing:
//!     def __init__(self):
//!         self._cond = threading.Condition()
//!         self._aboard = [0, 0]
//!
//!     def _fits(self, rider):
//!         mine = self._aboard[rider] + 1
//!         theirs = self._aboard[1 - rider]
//!         return mine + theirs <= 4 and not (
//!             (mine >= 3 and theirs >= 1) or (theirs >= 3 and mine >= 1))
//!
//!     def cross(self, rider, board, row):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._fits(rider))
//!             self._aboard[rider] += 1
//!             board()
//!             if sum(self._aboard) == 4:
//!                 row()
//!                 self._aboard = [0, 0]
//!                 self._cond.notify_all()
//! ```

use exercises::prelude::*;

/// The two camps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rider {
    Hacker,
    Serf,
}

/// A boat of four at the landing, filled one rider at a time.
pub struct RiverCrossing<B: Backend> {
    /// The boat at the landing: (hackers, serfs) aboard.
    boat: Mutex<B, (u8, u8)>,
    /// Signalled when a boat leaves and an empty one is at the landing.
    next_boat: Condvar<B>,
}

/// The boat `(hackers, serfs)` with one more `rider` aboard.
fn with(boat: (u8, u8), rider: Rider) -> (u8, u8) {
    match rider {
        Rider::Hacker => (boat.0 + 1, boat.1),
        Rider::Serf => (boat.0, boat.1 + 1),
    }
}

/// Whether a boat of `(hackers, serfs)` can still leave legally.
fn legal((hackers, serfs): (u8, u8)) -> bool {
    hackers + serfs <= 4 && !(hackers >= 3 && serfs >= 1) && !(serfs >= 3 && hackers >= 1)
}

impl<B: Backend> RiverCrossing<B> {
    /// An empty boat at the landing.
    pub fn new() -> Self {
        Self {
            boat: Mutex::new((0, 0)),
            next_boat: Condvar::new(),
        }
    }

    /// Waits until `rider` can board the boat at the landing, calls
    /// `board`; if it is the fourth aboard, calls `row` and the boat
    /// leaves.
    pub fn cross(&self, rider: Rider, board: impl FnOnce(), row: impl FnOnce()) {
        let mut boat = self
            .next_boat
            .wait_while(self.boat.lock(), |boat| !legal(with(*boat, rider)));
        *boat = with(*boat, rider);
        board();
        if boat.0 + boat.1 == 4 {
            row();
            *boat = (0, 0);
            drop(boat);
            self.next_boat.notify_all();
        }
    }
}
