//! Wrong: a thread waits only for "the next value is mine", and checks for
//! the end after waking. When the last value is printed, the others are
//! asleep waiting for a value of theirs that will never come: the calls
//! that had nothing left to print never return.

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
                .wait_while(self.next.lock(), |i| !mine(*i));
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
