//! # Account transfer: two locks without a deadlock
//!
//! Each account has its own lock, so transfers between different pairs of
//! accounts run in parallel. A transfer must hold *both* locks while it
//! moves the money, or someone can observe it half done. Holding two locks
//! is where deadlock lives: if one thread locks A then B while another
//! locks B then A, each can end up holding one lock and waiting forever
//! for the other (hold-and-wait plus a cycle). The standard cure is a
//! global lock order: always take the lower-numbered account first.
//!
//! ## Your task
//! Implement `Bank` so that, however many transfers run at once:
//! - `transfer(from, to, amount)` moves `amount` atomically: no thread
//!   (in particular `total()`) ever sees it debited but not yet credited;
//! - it refuses with `Err(InsufficientFunds)` and changes nothing when
//!   `from` holds less than `amount`; no balance ever goes negative, even
//!   when two transfers drain the same account at once;
//! - transfers in opposite directions (`0 -> 1` and `1 -> 0`) never
//!   deadlock; `from == to` is allowed and changes nothing;
//! - `total()` sums every balance as of one instant (lock them all, in
//!   the same order), so it always equals the starting total.
//!
//! ## The Python 3.8 shape
//! ```python
//! class InsufficientFunds(Exception): ...
//!
//! class Bank:
//!     def __init__(self, balances: List[int]): ...
//!     def transfer(self, src: int, dst: int, amount: int) -> None: ...
//!     def balance(self, account: int) -> int: ...
//!     def total(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check account_transfer`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// The source account holds less than the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

/// Accounts numbered from 0, each behind its own lock.
pub struct Bank<B: Backend> {
    accounts: Vec<Mutex<B, i64>>,
}

impl<B: Backend> Bank<B> {
    /// One account per starting balance.
    pub fn new(balances: &[i64]) -> Self {
        Self {
            accounts: balances.iter().map(|&b| Mutex::new(b)).collect(),
        }
    }

    /// Moves `amount` from `from` to `to`, or refuses if `from` is short.
    pub fn transfer(&self, from: usize, to: usize, amount: i64) -> Result<(), InsufficientFunds> {
        todo!("lock both accounts in one global order, check, then move the money")
    }

    /// One account's balance.
    pub fn balance(&self, account: usize) -> i64 {
        todo!()
    }

    /// The sum of all balances, as of one instant.
    pub fn total(&self) -> i64 {
        todo!("hold every account's lock at once, taken in account order")
    }
}
// ANCHOR_END: skeleton
