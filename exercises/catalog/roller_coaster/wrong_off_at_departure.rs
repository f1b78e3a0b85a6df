//! Wrong: once aboard, a passenger waits for the car to stop loading,
//! that is, for it to leave, rather than for it to come back and unload.
//! It gets off in the middle of the ride.

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
            .wait_while(car, |c| c.phase == Phase::Loading);
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
