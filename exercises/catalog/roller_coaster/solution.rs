//! # The roller coaster: reference solution
//!
//! The car's phase and the number aboard sit under one mutex; the
//! passengers sleep on `to_passengers`, the car on `to_car`.
//!
//! - A passenger boards only while the car is `Loading` with a seat
//!   free, and counts itself aboard in the same lock hold as `board()`,
//!   so the count the car checks is the seats really filled. The one who
//!   fills the last seat wakes the car.
//! - Once aboard, a passenger waits for `Unloading`, which the car sets
//!   only after `run()` has returned: the ride is over. (Waiting for
//!   "not `Loading`" would let it off as soon as the car leaves.)
//! - The car goes back to `Loading` only when the last passenger is off
//!   (`aboard == 0`), so nobody boards while the previous ride's
//!   passengers are still in their seats; the last one off wakes the car.
//!
//! `notify_all` to the passengers: at `Unloading` every one aboard must
//! get off, and at `Loading` all waiting may board. `notify_one` to the
//! car: it is the only thread on `to_car`. `run()` is called outside the
//! lock; during the ride nobody can board (the car is not `Loading`)
//! and nobody can get off (it is not `Unloading`).
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! LOADING, RIDING, UNLOADING = range(3)
//!
//! class Coaster:
//!     def __init__(self, capacity):
//!         self._capacity = capacity
//!         self._phase = LOADING
//!         self._aboard = 0
//!         self._lock = threading.Lock()
//!         self._to_passengers = threading.Condition(self._lock)
//!         self._to_car = threading.Condition(self._lock)
//!
//!     def ride(self, board, unboard):
//!         with self._lock:
//!             self._to_passengers.wait_for(
//!                 lambda: self._phase == LOADING and self._aboard < self._capacity)
//!             board()
//!             self._aboard += 1
//!             if self._aboard == self._capacity:
//!                 self._to_car.notify()
//!             self._to_passengers.wait_for(lambda: self._phase == UNLOADING)
//!             unboard()
//!             self._aboard -= 1
//!             if self._aboard == 0:
//!                 self._to_car.notify()
//!
//!     def run_car(self, rides, run):
//!         for _ in range(rides):
//!             with self._lock:
//!                 self._to_car.wait_for(lambda: self._aboard == self._capacity)
//!                 self._phase = RIDING
//!             run()
//!             with self._lock:
//!                 self._phase = UNLOADING
//!                 self._to_passengers.notify_all()
//!                 self._to_car.wait_for(lambda: self._aboard == 0)
//!                 self._phase = LOADING
//!                 self._to_passengers.notify_all()
//! ```

use exercises::prelude::*;

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
        let mut car = self.to_passengers.wait_while(self.car.lock(), |c| {
            c.phase != Phase::Loading || c.aboard == self.capacity
        });
        board();
        car.aboard += 1;
        if car.aboard == self.capacity {
            self.to_car.notify_one();
        }
        let mut car = self
            .to_passengers
            .wait_while(car, |c| c.phase != Phase::Unloading);
        unboard();
        car.aboard -= 1;
        if car.aboard == 0 {
            self.to_car.notify_one();
        }
    }

    /// The car: `rides` times, wait until full, `run()`, unload until
    /// empty.
    pub fn run_car(&self, rides: usize, mut run: impl FnMut()) {
        for _ in 0..rides {
            self.to_car
                .wait_while(self.car.lock(), |c| c.aboard < self.capacity)
                .phase = Phase::Riding;
            run();
            let mut car = self.car.lock();
            car.phase = Phase::Unloading;
            self.to_passengers.notify_all();
            self.to_car.wait_while(car, |c| c.aboard > 0).phase = Phase::Loading;
            self.to_passengers.notify_all();
        }
    }
}
