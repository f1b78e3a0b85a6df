//! # The roller coaster
//!
//! Passengers queue for a roller-coaster car with `capacity` seats. The
//! car waits at the platform until every seat is taken, goes round the
//! track, comes back and lets its passengers off; only when all of them
//! have got off do the next ones board. Passengers come and go as
//! threads; the car is a thread of its own that makes a given number of
//! rides.
//!
//! Three rules, three ways to get it wrong. A car that departs when the
//! seats are *claimed* rather than *filled* (a count taken in one lock
//! hold, the boarding done in another) leaves with an empty seat.
//! Passengers who wait for the car to *leave* rather than to *come back*
//! step off mid-ride. A car that counts itself empty when the ride ends,
//! rather than when the last passenger is off, lets the next passengers
//! climb in over the last ones.
//!
//! ## Your task
//! Implement `Coaster` so that, whatever the interleaving:
//! - `ride(board, unboard)` is one passenger's ride: wait for a free
//!   seat in a car that is loading, call `board()` on taking it, wait
//!   for the ride to end, call `unboard()` on getting off, return;
//! - `run_car(rides, run)` makes `rides` rides: wait until every seat
//!   is taken, call `run()` (the ride itself), then wait until every
//!   passenger has got off; then load again;
//! - the car departs only when full, nobody gets off before the ride is
//!   over, and nobody boards before the last ride's passengers are all
//!   off; nothing hangs (the scenarios bring exactly `rides * capacity`
//!   passenger rides).
//!
//! Call `board` and `unboard` while you hold the lock, at the moment the
//! seat is taken or freed: the suite judges the order of the calls to
//! `board`, `unboard` and `run`, under every schedule the checkers try
//! (including spurious wake-ups).
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class Coaster:
//!     def __init__(self, capacity: int): ...
//!     def ride(self, board: Callable[[], None], unboard: Callable[[], None]) -> None: ...
//!     def run_car(self, rides: int, run: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check roller_coaster`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Where the car is in its cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// At the platform, taking passengers on.
    Loading,
    /// Full, going round the track.
    Riding,
    /// Back at the platform, letting passengers off.
    Unloading,
}

/// The car's state.
struct Car {
    phase: Phase,
    /// Passengers in their seats.
    aboard: usize,
}

/// A roller coaster with one car.
pub struct Coaster<B: Backend> {
    capacity: usize,
    car: Mutex<B, Car>,
    /// Passengers wait on this: signalled when the car starts loading or
    /// unloading.
    to_passengers: Condvar<B>,
    /// The car waits on this: signalled when it is full or empty.
    to_car: Condvar<B>,
}

impl<B: Backend> Coaster<B> {
    /// A car with `capacity` seats, empty and loading.
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            car: Mutex::new(Car {
                phase: Phase::Loading,
                aboard: 0,
            }),
            to_passengers: Condvar::new(),
            to_car: Condvar::new(),
        }
    }

    /// One passenger's ride: board a loading car with a free seat, wait
    /// for the ride to end, get off.
    pub fn ride(&self, board: impl FnOnce(), unboard: impl FnOnce()) {
        todo!("wait for Loading and a free seat; board; wait for Unloading; unboard")
    }

    /// The car: `rides` times, wait until full, `run()`, unload until
    /// empty.
    pub fn run_car(&self, rides: usize, run: impl FnMut()) {
        todo!("wait until full; Riding; run; Unloading; wait until empty; Loading")
    }
}
// ANCHOR_END: skeleton
