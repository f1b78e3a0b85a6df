//! Wrong: the generation is right, but a waiter checks it with `if` and
//! waits once. A spurious wake-up (no round ended) lets it leave while
//! others have not arrived yet.

use exercises::prelude::*;

struct Round {
    arrived: usize,
    generation: u64,
}

pub struct Barrier<B: Backend> {
    parties: usize,
    round: Mutex<B, Round>,
    released: Condvar<B>,
}

impl<B: Backend> Barrier<B> {
    pub fn new(parties: usize) -> Self {
        Self {
            parties,
            round: Mutex::new(Round {
                arrived: 0,
                generation: 0,
            }),
            released: Condvar::new(),
        }
    }

    pub fn wait(&self) {
        let mut round = self.round.lock();
        let mine = round.generation;
        round.arrived += 1;
        if round.arrived == self.parties {
            round.arrived = 0;
            round.generation += 1;
            drop(round);
            self.released.notify_all();
        } else if round.generation == mine {
            drop(self.released.wait(round));
        }
    }
}
