//! Wrong: a rider boards whenever the boat has a free seat. Seats are not
//! the only rule: three hackers who reach the landing first are joined by
//! a serf, and a boat of three and one rows off.

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rider {
    Hacker,
    Serf,
}

pub struct RiverCrossing<B: Backend> {
    boat: Mutex<B, (u8, u8)>,
    next_boat: Condvar<B>,
}

fn with(boat: (u8, u8), rider: Rider) -> (u8, u8) {
    match rider {
        Rider::Hacker => (boat.0 + 1, boat.1),
        Rider::Serf => (boat.0, boat.1 + 1),
    }
}

fn legal((hackers, serfs): (u8, u8)) -> bool {
    hackers + serfs <= 4
}

impl<B: Backend> RiverCrossing<B> {
    pub fn new() -> Self {
        Self {
            boat: Mutex::new((0, 0)),
            next_boat: Condvar::new(),
        }
    }

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
