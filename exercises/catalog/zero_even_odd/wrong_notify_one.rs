//! Wrong: the right counter, but `notify_one` after each print. After a
//! zero, the odd and the even printer may both be asleep; the one wake-up
//! can reach the one whose number is not next, which re-checks and sleeps
//! again. The owner of the next number is never woken: deadlock.

use exercises::prelude::*;

pub struct ZeroEvenOdd<B: Backend> {
    n: u64,
    step: Mutex<B, u64>,
    printed: Condvar<B>,
}

fn number_at(s: u64) -> u64 {
    if s % 2 == 0 { 0 } else { s.div_ceil(2) }
}

impl<B: Backend> ZeroEvenOdd<B> {
    pub fn new(n: u64) -> Self {
        Self {
            n,
            step: Mutex::new(0),
            printed: Condvar::new(),
        }
    }

    fn run(&self, mine: impl Fn(u64) -> bool, mut print: impl FnMut(u64)) {
        let end = 2 * self.n;
        loop {
            let mut step = self
                .printed
                .wait_while(self.step.lock(), |s| *s < end && !mine(*s));
            if *step == end {
                return;
            }
            print(number_at(*step));
            *step += 1;
            drop(step);
            self.printed.notify_one();
        }
    }

    pub fn zero(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 0, print);
    }

    pub fn even(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 1 && number_at(s) % 2 == 0, print);
    }

    pub fn odd(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 1 && number_at(s) % 2 == 1, print);
    }
}
