//! # Account transfer: reference solution
//!
//! Every thread that holds more than one account lock took them in
//! increasing account number. A deadlock needs a cycle of threads, each
//! holding a lock the next one wants; with one global order, the thread
//! holding the highest-numbered lock in such a cycle would be waiting for
//! a lower one it should have taken first, which never happens, so there
//! is no cycle. Both locks are held while checking the balance and moving
//! the money, so check and move are one step and nobody sees the money in
//! flight; `total` holds all the locks at once for the same reason.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class InsufficientFunds(Exception):
//!     pass
//!
//! class Bank:
//!     def __init__(self, balances):
//!         self._balances = list(balances)
//!         self._locks = [threading.Lock() for _ in balances]
//!
//!     def transfer(self, src, dst, amount):
//!         if src == dst:
//!             return
//!         first, second = sorted((src, dst))        # one global order
//!         with self._locks[first], self._locks[second]:
//!             if self._balances[src] < amount:
//!                 raise InsufficientFunds()
//!             self._balances[src] -= amount
//!             self._balances[dst] += amount
//!
//!     def balance(self, account):
//!         with self._locks[account]:
//!             return self._balances[account]
//!
//!     def total(self):
//!         for lock in self._locks:                   # same order
//!             lock.acquire()
//!         try:
//!             return sum(self._balances)
//!         finally:
//!             for lock in reversed(self._locks):
//!                 lock.release()
//! ```

use exercises::prelude::*;

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
        if from == to {
            // Locking the same mutex twice would deadlock on ourselves.
            return Ok(());
        }
        let (low, high) = (from.min(to), from.max(to));
        let mut first = self.accounts[low].lock();
        let mut second = self.accounts[high].lock();
        let (source, target) = if from == low {
            (&mut *first, &mut *second)
        } else {
            (&mut *second, &mut *first)
        };
        if *source < amount {
            return Err(InsufficientFunds);
        }
        *source -= amount;
        *target += amount;
        Ok(())
    }

    /// One account's balance.
    pub fn balance(&self, account: usize) -> i64 {
        *self.accounts[account].lock()
    }

    /// The sum of all balances, as of one instant.
    pub fn total(&self) -> i64 {
        let guards: Vec<_> = self.accounts.iter().map(|a| a.lock()).collect();
        guards.iter().map(|g| **g).sum()
    }
}
