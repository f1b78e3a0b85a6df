//! Wrong: the funds check runs under `from`'s lock alone, which is then
//! released before both locks are taken (in the right order) to move the
//! money. Two transfers draining the same account both pass the check,
//! and the balance goes negative.

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Bank<B: Backend> {
    accounts: Vec<Mutex<B, i64>>,
}

impl<B: Backend> Bank<B> {
    pub fn new(balances: &[i64]) -> Self {
        Self {
            accounts: balances.iter().map(|&b| Mutex::new(b)).collect(),
        }
    }

    pub fn balance(&self, account: usize) -> i64 {
        *self.accounts[account].lock()
    }

    pub fn total(&self) -> i64 {
        let guards: Vec<_> = self.accounts.iter().map(|a| a.lock()).collect();
        guards.iter().map(|g| **g).sum()
    }


    pub fn transfer(&self, from: usize, to: usize, amount: i64) -> Result<(), InsufficientFunds> {
        if from == to {
            return Ok(());
        }
        if self.balance(from) < amount {
            return Err(InsufficientFunds);
        }
        let (low, high) = (from.min(to), from.max(to));
        let mut first = self.accounts[low].lock();
        let mut second = self.accounts[high].lock();
        let (source, target) = if from == low {
            (&mut *first, &mut *second)
        } else {
            (&mut *second, &mut *first)
        };
        *source -= amount;
        *target += amount;
        Ok(())
    }
}
