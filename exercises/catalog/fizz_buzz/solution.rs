//! # Fizz buzz with four threads: reference solution
//!
//! `next` is the value to print next. Each thread runs one loop with its
//! own ownership test: wait while the sequence is not over and `next` is
//! not mine; leave if it is over; otherwise print, advance `next`, and
//! wake everyone. The ownership tests split the values exactly (the
//! multiples of 15 belong to `fizzbuzz` alone), so only one thread ever
//! acts on a given value.
//!
//! "Not over" is part of the wait condition: when the last value is
//! printed, `next` becomes `n + 1`, which nobody owns, and the final
//! `notify_all` wakes every thread to see that and return. `notify_all`
//! is also what reaches the right owner at every step: the next value's
//! owner is one of three sleepers, and `notify_one` could pick another.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class FizzBuzz:
//!     def __init__(self, n):
//!         self._n = n
//!         self._next = 1
//!         self._cond = threading.Condition()
//!
//!     def _run(self, mine, say):
//!         while True:
//!             with self._cond:
//!                 self._cond.wait_for(
//!                     lambda: self._next > self._n or mine(self._next))
//!                 if self._next > self._n:
//!                     return
//!                 say(self._next)
//!                 self._next += 1
//!                 self._cond.notify_all()
//!
//!     def fizz(self, print_fizz):
//!         self._run(lambda i: i % 3 == 0 and i % 5 != 0, lambda i: print_fizz())
//!
//!     def buzz(self, print_buzz):
//!         self._run(lambda i: i % 5 == 0 and i % 3 != 0, lambda i: print_buzz())
//!
//!     def fizzbuzz(self, print_fizzbuzz):
//!         self._run(lambda i: i % 15 == 0, lambda i: print_fizzbuzz())
//!
//!     def number(self, print_number):
//!         self._run(lambda i: i % 3 != 0 and i % 5 != 0, print_number)
//! ```

use exercises::prelude::*;

/// Prints the fizz-buzz sequence from four cooperating threads.
pub struct FizzBuzz<B: Backend> {
    n: u64,
    /// The value to print next: 1 to `n + 1` (`n + 1`: done).
    next: Mutex<B, u64>,
    /// Signalled after every print.
    advanced: Condvar<B>,
}

impl<B: Backend> FizzBuzz<B> {
    /// The sequence for `1..=n`.
    pub fn new(n: u64) -> Self {
        Self {
            n,
            next: Mutex::new(1),
            advanced: Condvar::new(),
        }
    }

    /// Calls `say` for each value `mine` accepts, in turn, until the end.
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

    /// Prints "fizz" for each multiple of 3 that is not one of 5.
    pub fn fizz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 3 == 0 && i % 5 != 0, |_| print());
    }

    /// Prints "buzz" for each multiple of 5 that is not one of 3.
    pub fn buzz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 5 == 0 && i % 3 != 0, |_| print());
    }

    /// Prints "fizzbuzz" for each multiple of 15.
    pub fn fizzbuzz(&self, mut print: impl FnMut()) {
        self.run(|i| i % 15 == 0, |_| print());
    }

    /// Prints every value that is a multiple of neither 3 nor 5.
    pub fn number(&self, print: impl FnMut(u64)) {
        self.run(|i| i % 3 != 0 && i % 5 != 0, print);
    }
}
