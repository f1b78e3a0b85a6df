//! Wrong: the state says only "zero's turn or not". After a zero, the odd
//! and the even printer both see "not zero's turn", and whichever gets the
//! lock first prints its next number: 0 2 0 1 is as possible as 0 1 0 2.
//! The turn after a zero depends on how far the sequence has got, so the
//! state must record that too.

use exercises::prelude::*;

pub struct ZeroEvenOdd<B: Backend> {
    n: u64,
    zero_turn: Mutex<B, bool>,
    printed: Condvar<B>,
}

impl<B: Backend> ZeroEvenOdd<B> {
    pub fn new(n: u64) -> Self {
        Self {
            n,
            zero_turn: Mutex::new(true),
            printed: Condvar::new(),
        }
    }

    pub fn zero(&self, mut print: impl FnMut(u64)) {
        for _ in 0..self.n {
            let mut zero_turn = self.printed.wait_while(self.zero_turn.lock(), |z| !*z);
            print(0);
            *zero_turn = false;
            drop(zero_turn);
            self.printed.notify_all();
        }
    }

    fn numbers(&self, first: u64, mut print: impl FnMut(u64)) {
        for k in (first..=self.n).step_by(2) {
            let mut zero_turn = self.printed.wait_while(self.zero_turn.lock(), |z| *z);
            print(k);
            *zero_turn = true;
            drop(zero_turn);
            self.printed.notify_all();
        }
    }

    pub fn even(&self, print: impl FnMut(u64)) {
        self.numbers(2, print);
    }

    pub fn odd(&self, print: impl FnMut(u64)) {
        self.numbers(1, print);
    }
}
