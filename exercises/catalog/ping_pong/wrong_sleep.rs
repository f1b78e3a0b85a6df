//! Wrong: taking turns by the clock. Ping prints every 2 ms from 0, pong
//! every 2 ms from 1 ms, so on an idle machine they interleave. A sleep
//! makes nobody else run, though: when a thread starts late or the
//! scheduler is busy, two prints of one side land together.

use exercises::prelude::*;

pub struct PingPong<B: Backend> {
    rounds: usize,
    pong_next: Mutex<B, bool>,
    turned: Condvar<B>,
}

impl<B: Backend> PingPong<B> {
    pub fn new(rounds: usize) -> Self {
        Self {
            rounds,
            pong_next: Mutex::new(false),
            turned: Condvar::new(),
        }
    }

    pub fn ping(&self, mut print: impl FnMut()) {
        for _ in 0..self.rounds {
            print();
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn pong(&self, mut print: impl FnMut()) {
        std::thread::sleep(Duration::from_millis(1));
        for _ in 0..self.rounds {
            print();
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}
