//! # A traffic light at a crossroads: reference solution
//!
//! The light is the one piece of shared state, and every car does its
//! whole visit (look at the light, switch it if it is red, cross) under
//! the light's lock. So no car can switch the light between another car's
//! look and its crossing, and no switch happens while a car is crossing:
//! the switch and the crossing are in the same critical section as the
//! look they depend on.
//!
//! The price is that cars cross one at a time, even on the same road.
//! Letting a green road's cars cross together needs a count of cars
//! inside and a turn for the waiting road: that is the unisex bathroom.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! NORTH_SOUTH, EAST_WEST = 1, 2
//!
//! class TrafficLight:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._green = NORTH_SOUTH
//!
//!     def car_arrived(self, road, turn_green, cross_car):
//!         with self._lock:
//!             if self._green != road:
//!                 turn_green()
//!                 self._green = road
//!             cross_car()
//! ```

use exercises::prelude::*;

/// The two roads through the crossing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Road {
    /// Green when the crossing opens.
    NorthSouth,
    /// Red when the crossing opens.
    EastWest,
}

/// One light, green for one road at a time.
pub struct Intersection<B: Backend> {
    /// The road whose light is green.
    green: Mutex<B, Road>,
}

impl<B: Backend> Intersection<B> {
    /// Green for north-south.
    pub fn new() -> Self {
        Self {
            green: Mutex::new(Road::NorthSouth),
        }
    }

    /// A car on `road` arrives: if its light is red it calls `turn_green`
    /// (and the light is then green for `road`), then it calls `cross`.
    pub fn car_arrived(&self, road: Road, turn_green: impl FnOnce(), cross: impl FnOnce()) {
        let mut green = self.green.lock();
        if *green != road {
            turn_green();
            *green = road;
        }
        cross();
    }
}
