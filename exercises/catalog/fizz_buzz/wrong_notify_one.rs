//! Wrong: the right state, but `notify_one` after each print. The owner
//! of the next value is one of three sleepers, and the single wake-up may
//! reach another, which re-checks and sleeps again; the owner never
//! wakes, and everything stops.

use exercises::prelude::*;

pub struct FizzBuzz<B: Backend> {
    n: u64,
    next: Mutex<B, u64>,
    advanced: Condvar<B>,
}

impl<B: Backend> FizzBuzz<B> {
    pub fn new(n: u64) -> Self {
        Self {
            n,
            next: Mutex::new(1),
            advanced: Condvar::new(),
        }
    }

    fn run(&self, mine: impl Fn(u64) -> bool, mut say: impl FnMut(u64)) {
        loop {
            let mut next = self
                .advanced
                .wait_while(self.next.lock(), |i| *i <= self.n && !mine(*i));
            if *next > self.n {
                return;
            }
            say(*next);
            *next += 1;
            drop(next);
            self.advanced.notify_one();
        }
    }

    pub fn fizz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 3 == 0 && i % 5 != 0, |_| print());
    }

    pub fn buzz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 5 == 0 && i % 3 != 0, |_| print());
    }

    pub fn fizzbuzz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 15 == 0, |_| print());
    }

    pub fn number(&self, print: impl FnMut(u64)) {
        self.run(|i| i % 3 != 0 && i % 5 != 0, print);
    }
}
