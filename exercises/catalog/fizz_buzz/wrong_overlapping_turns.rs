//! Wrong: `fizz` claims every multiple of 3, forgetting that the multiples
//! of 15 belong to `fizzbuzz`. At 15 both think it is their turn and
//! whichever takes the lock first prints: "fizz" or "fizzbuzz" depending
//! on the schedule, and the loser then waits for a 30 that never comes,
//! or prints after the end. A race that is right only some of the time.

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
            self.advanced.notify_all();
        }
    }

    pub fn fizz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 3 == 0, |_| print());
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
