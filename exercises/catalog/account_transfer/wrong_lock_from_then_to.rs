//! Wrong: lock `from`, then `to`. A transfer 0 -> 1 holds account 0 and
//! waits for 1 while a transfer 1 -> 0 holds account 1 and waits for 0:
//! each holds what the other needs, and both wait forever.

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
        let mut source = self.accounts[from].lock();
        let mut target = self.accounts[to].lock();
        if *source < amount {
            return Err(InsufficientFunds);
        }
        *source -= amount;
        *target += amount;
        Ok(())
    }
}
