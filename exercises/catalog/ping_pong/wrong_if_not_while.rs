//! Wrong: each side checks the turn with `if` and waits once. A wake-up
//! can come with nobody's notify behind it (a spurious wake-up), and then
//! the side runs although the turn is still the other's: two pings in a
//! row.

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

    fn play(&self, is_pong: bool, mut print: impl FnMut()) {
        for _ in 0..self.rounds {
            let mut turn = self.pong_next.lock();
            if *turn != is_pong {
                turn = self.turned.wait(turn);
            }
            print();
            *turn = !is_pong;
            drop(turn);
            self.turned.notify_one();
        }
    }

    pub fn ping(&self, print: impl FnMut()) {
        self.play(false, print);
    }

    pub fn pong(&self, print: impl FnMut()) {
        self.play(true, print);
    }
}
