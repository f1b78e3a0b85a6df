//! # A bank account that never overdraws
//!
//! "If the balance covers it, take the money" is a check followed by an
//! act. When two threads withdraw at once, both can pass the check before
//! either takes anything, and the account pays out more than it holds.
//! Making each step thread-safe on its own does not help: the check and the
//! act must be one indivisible step, which means one critical section (or
//! one atomic read-modify-write that re-checks, a compare-and-swap loop).
//!
//! ## Your task
//! Implement `Account` so that, however many threads use it at once:
//! - `withdraw(amount)` takes `amount` and returns `Ok(new balance)` only if
//!   the balance covers it; otherwise it changes nothing and returns
//!   `Err(Insufficient { balance, requested })` with the balance it saw;
//! - the balance never goes below zero and no deposit or withdrawal is lost;
//! - `balance()` returns the current balance.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Insufficient(Exception):
//!     def __init__(self, balance: int, requested: int) -> None: ...
//!
//! class Account:
//!     def __init__(self, opening: int) -> None: ...
//!     def deposit(self, amount: int) -> None: ...
//!     def withdraw(self, amount: int) -> int: ...   # raises Insufficient
//!     def balance(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check bank_withdraw`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// A refused withdrawal: the balance seen and the amount asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient {
    /// The balance at the moment of the refusal.
    pub balance: u64,
    /// The amount that was asked for.
    pub requested: u64,
}

/// An account shared by many threads.
pub struct Account<B: Backend> {
    balance: Mutex<B, u64>,
}

impl<B: Backend> Account<B> {
    /// An account holding `opening`.
    pub fn new(opening: u64) -> Self {
        Self {
            balance: Mutex::new(opening),
        }
    }

    /// Adds `amount` to the balance.
    pub fn deposit(&self, amount: u64) {
        todo!()
    }

    /// Takes `amount` if the balance covers it; returns the new balance.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Insufficient> {
        todo!("check and take in one indivisible step")
    }

    /// The current balance.
    pub fn balance(&self) -> u64 {
        todo!()
    }
}
// ANCHOR_END: skeleton
