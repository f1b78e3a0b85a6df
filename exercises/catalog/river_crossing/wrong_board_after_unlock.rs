//! Wrong: riders take their seats under the lock but call `board` after
//! releasing it, and the captain rows as soon as it has boarded itself.
//! The other three may not have boarded yet: the boat rows off with fewer
//! than four aboard, and the next boat's riders board before it leaves.

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
    hackers + serfs <= 4 && !(hackers >= 3 && serfs >= 1) && !(serfs >= 3 && hackers >= 1)
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
        let captain = boat.0 + boat.1 == 4;
        if captain {
            *boat = (0, 0);
        }
        drop(boat);
        if captain {
            self.next_boat.notify_all();
        }
        // The callbacks run outside the lock, to keep it short.
        board();
        if captain {
            row();
        }
    }
}
