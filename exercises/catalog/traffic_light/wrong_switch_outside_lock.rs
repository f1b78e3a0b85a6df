//! Wrong: a car that sees red switches the light without holding the
//! light's lock, and takes the lock only to record the new colour and to
//! cross. The switch can land while a car of the other road is crossing
//! under the lock, and two cars that both saw red both switch.

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
        let red = *self.green.lock() != road;
        if red {
            turn_green();
            *self.green.lock() = road;
        }
        let _green = self.green.lock();
        cross();
    }
}
