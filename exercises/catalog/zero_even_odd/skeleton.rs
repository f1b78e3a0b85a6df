//! # Zero, even, odd: three threads, one sequence
//!
//! Three threads share one object. The `zero` thread prints only zeros,
//! the `odd` thread only odd numbers, the `even` thread only even ones,
//! and together they must print `0 1 0 2 0 3 ... 0 n`. Three parties
//! means the turn has three possible owners, and the one after a zero
//! depends on how far the sequence has got: keep a single step counter
//! that all three can read, and derive whose turn it is from it. With
//! three kinds of waiter on one condition variable, think hard about who
//! a wake-up reaches.
//!
//! ## Your task
//! Implement `ZeroEvenOdd` so that, for `n >= 1` and whatever order the
//! three threads start in:
//! - the prints, taken together, are exactly `0 1 0 2 ... 0 n`
//!   (`2n` prints), each printed by the thread whose kind it is;
//! - all three calls return once their share is printed (no deadlock);
//! - a thread whose turn it is not sleeps on a `Condvar`.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class ZeroEvenOdd:
//!     def __init__(self, n: int): ...
//!     def zero(self, print_number: Callable[[int], None]) -> None: ...
//!     def even(self, print_number: Callable[[int], None]) -> None: ...
//!     def odd(self, print_number: Callable[[int], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check zero_even_odd`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Prints `0 1 0 2 ... 0 n` from three cooperating threads.
pub struct ZeroEvenOdd<B: Backend> {
    n: u64,
    /// How many numbers have been printed so far: 0 to `2 * n`.
    step: Mutex<B, u64>,
    /// Signalled after every print.
    printed: Condvar<B>,
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

    /// Prints every zero of the sequence, each on its turn.
    pub fn zero(&self, print: impl FnMut(u64)) {
        todo!("the zeros sit at the even steps 0, 2, 4, ...")
    }

    /// Prints the even numbers of `1..=n`, each on its turn.
    pub fn even(&self, print: impl FnMut(u64)) {
        todo!("step s (odd) is the number (s + 1) / 2")
    }

    /// Prints the odd numbers of `1..=n`, each on its turn.
    pub fn odd(&self, print: impl FnMut(u64)) {
        todo!()
    }
}
// ANCHOR_END: skeleton
