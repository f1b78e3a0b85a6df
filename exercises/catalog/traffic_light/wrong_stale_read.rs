//! Wrong: the car reads the light, lets go of the lock, and then acts on
//! what it read under a second lock acquisition. A car of the other road
//! can switch the light in between: this car then crosses on red, or
//! switches a light that is already green for it.

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Road {
    NorthSouth,
    EastWest,
}

pub struct Intersection<B: Backend> {
    green: Mutex<B, Road>,
}

impl<B: Backend> Intersection<B> {
    pub fn new() -> Self {
        Self {
            green: Mutex::new(Road::NorthSouth),
        }
    }

    pub fn car_arrived(&self, road: Road, turn_green: impl FnOnce(), cross: impl FnOnce()) {
        let seen = *self.green.lock();
        let mut green = self.green.lock();
        if seen != road {
            turn_green();
            *green = road;
        }
        cross();
    }
}
