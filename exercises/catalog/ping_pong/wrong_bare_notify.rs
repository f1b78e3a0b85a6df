//! Wrong: the turn lives only in the notifications. Ping prints, notifies
//! and waits; pong waits, prints and notifies. There is no state to
//! check, so if ping notifies before pong has started waiting, the notify
//! wakes nobody and is gone: both sides then wait for each other for ever.

use exercises::prelude::*;

pub struct PingPong<B: Backend> {
    rounds: usize,
    lock: Mutex<B, ()>,
    turned: Condvar<B>,
}

impl<B: Backend> PingPong<B> {
    pub fn new(rounds: usize) -> Self {
        Self {
            rounds,
            lock: Mutex::new(()),
            turned: Condvar::new(),
        }
    }

    pub fn ping(&self, mut print: impl FnMut()) {
        for _ in 0..self.rounds {
            let guard = self.lock.lock();
            print();
            self.turned.notify_one();
            drop(self.turned.wait(guard));
        }
    }

    pub fn pong(&self, mut print: impl FnMut()) {
        for _ in 0..self.rounds {
            let guard = self.lock.lock();
            let guard = self.turned.wait(guard);
            print();
            self.turned.notify_one();
            drop(guard);
        }
    }
}
