//! # Fizz buzz with four threads
//!
//! Four threads share one object and together print the fizz-buzz
//! sequence for `1..=n`: `fizz` prints "fizz" for multiples of 3 (not
//! of 5), `buzz` prints "buzz" for multiples of 5 (not of 3), `fizzbuzz`
//! prints "fizzbuzz" for multiples of 15, and `number` prints every other
//! number itself. Each value has exactly one owner, the value to print
//! next is shared state, and each thread sleeps until the value is one of
//! its own. Two things are easy to get wrong: who a wake-up reaches when
//! four threads share one condition variable, and how each thread learns
//! that the sequence is over (most of them are asleep waiting for a value
//! that will never come).
//!
//! ## Your task
//! Implement `FizzBuzz` so that, for any `n >= 1` and whatever order the
//! four threads start in:
//! - the prints, taken together, are exactly the fizz-buzz sequence for
//!   `1..=n`, each printed by the thread that owns that value;
//! - all four calls return once the sequence is complete, including the
//!   threads that had nothing (more) to print;
//! - a thread whose value is not next sleeps on a `Condvar`.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class FizzBuzz:
//!     def __init__(self, n: int): ...
//!     def fizz(self, print_fizz: Callable[[], None]) -> None: ...
//!     def buzz(self, print_buzz: Callable[[], None]) -> None: ...
//!     def fizzbuzz(self, print_fizzbuzz: Callable[[], None]) -> None: ...
//!     def number(self, print_number: Callable[[int], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check fizz_buzz`.

use exercises::prelude::*;

// ANCHOR: skeleton
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

    /// Prints "fizz" for each multiple of 3 that is not one of 5.
    pub fn fizz(&self, print: impl FnMut()) {
        todo!("wait until the next value is yours or the sequence is over")
    }

    /// Prints "buzz" for each multiple of 5 that is not one of 3.
    pub fn buzz(&self, print: impl FnMut()) {
        todo!()
    }

    /// Prints "fizzbuzz" for each multiple of 15.
    pub fn fizzbuzz(&self, print: impl FnMut()) {
        todo!()
    }

    /// Prints every value that is a multiple of neither 3 nor 5.
    pub fn number(&self, print: impl FnMut(u64)) {
        todo!()
    }
}
// ANCHOR_END: skeleton
