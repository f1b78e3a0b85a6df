//! # River crossing: hackers and serfs share a boat
//!
//! Hackers and serfs arrive at a river bank as calls from many threads.
//! The boat takes exactly four, and the two camps do not mix unevenly:
//! four hackers, four serfs, or two of each may cross, never three and
//! one (the lone one gets thrown overboard). Each call waits until its
//! rider can board the boat at the landing, then calls `board`. The rider
//! that makes four is the captain: it calls `row`, the boat leaves, and
//! the next boat comes to the landing.
//!
//! Like H2O, the state to keep is the boat being filled: how many of each
//! camp are aboard. A rider may board only if the boat can still leave
//! legally with it aboard: a third hacker may not join a boat that
//! already has a serf, and a hacker may not join a boat with two hackers
//! and a serf. The others wait for the next boat. Checking only when the
//! boat is full is too late: a boat of three and one can never leave, and
//! everyone waiting for the next boat waits for ever, a deadlock with no
//! cycle of locks, only a state that nobody can get out of.
//!
//! ## Your task
//! Implement `RiverCrossing` so that, whatever the interleaving:
//! - read in order, the trace of `board` and `row` calls is boats of four
//!   `board`s followed by one `row`;
//! - every boat is four hackers, four serfs, or two and two;
//! - every call returns once its rider has boarded (and, for the captain,
//!   rowed), provided the riders offered fill whole legal boats;
//! - a rider that must wait sleeps on a `Condvar`.
//!
//! This is graded by trace validity: the suite records every `board` and
//! `row` and checks each boat, under every schedule the checkers try,
//! with spurious wake-ups injected.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! HACKER, SERF = 0, 1
//!
//! class RiverCrossing:
//!     def __init__(self) -> None: ...
//!     def cross(self, rider: int, board: Callable[[], None],
//!               row: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check river_crossing`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("wait while the boat cannot take `rider` and still leave legally")
    }
}
// ANCHOR_END: skeleton
