//! # Zero, even, odd: reference solution
//!
//! One counter, `step`, says how many numbers are out. Step `s` belongs to
//! `zero` when `s` is even; otherwise it is the number `k = (s + 1) / 2`,
//! which belongs to `odd` or `even` by the parity of `k`. Each thread runs
//! the same loop with its own test for "mine": wait while the sequence is
//! unfinished and the step is not mine; stop if it is finished; otherwise
//! print, advance the step, and wake the others.
//!
//! `notify_all`, because the next owner may be either of two sleeping
//! threads and `notify_one` could pick the other, which would go back to
//! sleep with nobody left to wake the owner. The spare wake-ups cost a
//! re-check each; `wait_while` does the re-check.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class ZeroEvenOdd:
//!     def __init__(self, n):
//!         self._n = n
//!         self._step = 0
//!         self._cond = threading.Condition()
//!
//!     def _run(self, mine, print_number):
//!         while True:
//!             with self._cond:
//!                 self._cond.wait_for(
//!                     lambda: self._step == 2 * self._n or mine(self._step))
//!                 if self._step == 2 * self._n:
//!                     return
//!                 s = self._step
//!                 print_number(0 if s % 2 == 0 else (s + 1) // 2)
//!                 self._step += 1
//!                 self._cond.notify_all()
//!
//!     def zero(self, print_number):
//!         self._run(lambda s: s % 2 == 0, print_number)
//!
//!     def odd(self, print_number):
//!         self._run(lambda s: s % 2 == 1 and (s + 1) // 2 % 2 == 1, print_number)
//!
//!     def even(self, print_number):
//!         self._run(lambda s: s % 2 == 1 and (s + 1) // 2 % 2 == 0, print_number)
//! ```

use exercises::prelude::*;

/// Prints `0 1 0 2 ... 0 n` from three cooperating threads.
pub struct ZeroEvenOdd<B: Backend> {
    n: u64,
    /// How many numbers have been printed so far: 0 to `2 * n`.
    step: Mutex<B, u64>,
    /// Signalled after every print.
    printed: Condvar<B>,
}

/// The number printed at step `s`.
fn number_at(s: u64) -> u64 {
    if s.is_multiple_of(2) { 0 } else { s.div_ceil(2) }
}

impl<B: Backend> ZeroEvenOdd<B> {
    /// The sequence for `1..=n`.
    pub fn new(n: u64) -> Self {
        Self {
            n,
            step: Mutex::new(0),
            printed: Condvar::new(),
        }
    }

    /// Prints, on each step that `mine` accepts, the number of that step.
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
            self.printed.notify_all();
        }
    }

    /// Prints every zero of the sequence, each on its turn.
    pub fn zero(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 0, print);
    }

    /// Prints the even numbers of `1..=n`, each on its turn.
    pub fn even(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 1 && number_at(s).is_multiple_of(2), print);
    }

    /// Prints the odd numbers of `1..=n`, each on its turn.
    pub fn odd(&self, print: impl FnMut(u64)) {
        self.run(|s| s % 2 == 1 && number_at(s) % 2 == 1, print);
    }
}
