//! Wrong: one lock at a time. The transfer debits `from`, releases it,
//! then locks `to` and credits it. No deadlock is possible, but between
//! the two steps the money is nowhere: `total()` (or any reader) sees it
//! missing.

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
        {
            let mut source = self.accounts[from].lock();
            if *source < amount {
                return Err(InsufficientFunds);
            }
            *source -= amount;
        }
        *self.accounts[to].lock() += amount;
        Ok(())
    }
}
