//! # A traffic light at a crossroads
//!
//! Two roads cross: north-south and east-west. One light controls the
//! crossing, green for exactly one road at a time (north-south at the
//! start). Cars arrive from both roads on many threads. A car whose road
//! is green crosses; a car whose road is red first switches the light to
//! its road (`turn_green`), then crosses (`cross`).
//!
//! The light is shared state: reading it, switching it and crossing
//! under it must be one step. A car that looks at the light, lets go, and
//! acts on what it saw can cross on a light another car has just turned
//! red; a car that switches the light without holding it can flip it
//! under a car that is crossing.
//!
//! ## Your task
//! Implement `Intersection` so that, whatever the interleaving:
//! - a car crosses only while the light is green for its road;
//! - `turn_green` is called only when the light is red for the car's road
//!   (a green light is never "switched" to itself), and the light is never
//!   switched while a car is crossing;
//! - no two cars from different roads are in the crossing at once;
//! - every `car_arrived` returns once its car has crossed.
//!
//! This is graded by trace validity: the suite records every switch and
//! every car entering and leaving the crossing, replays the light from the
//! switches, and checks the whole trace under every schedule the checkers
//! try. (Cars of the same road may also cross one at a time: a crossing
//! that lets a road's cars flow together is `unisex_bathroom`.)
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! NORTH_SOUTH, EAST_WEST = 1, 2
//!
//! class TrafficLight:
//!     def __init__(self) -> None: ...
//!     def car_arrived(self, road: int, turn_green: Callable[[], None],
//!                     cross_car: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check traffic_light`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("look at the light, switch it if it is red for `road`, and cross, in one step")
    }
}
// ANCHOR_END: skeleton
