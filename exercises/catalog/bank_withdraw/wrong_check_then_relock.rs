//! Wrong: `withdraw` checks the balance under one lock acquisition and
//! subtracts under another. Each step is locked, but another withdrawal
//! can run between them: both threads see 100, both take 60, and the
//! second subtraction goes below zero (a `u64` underflow panic here; in
//! Python, a negative balance).

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient {
    pub balance: u64,
    pub requested: u64,
}

pub struct Account<B: Backend> {
    balance: Mutex<B, u64>,
}

impl<B: Backend> Account<B> {
    pub fn new(opening: u64) -> Self {
        Self {
            balance: Mutex::new(opening),
        }
    }

    pub fn deposit(&self, amount: u64) {
        *self.balance.lock() += amount;
    }

    pub fn withdraw(&self, amount: u64) -> Result<u64, Insufficient> {
        let seen = self.balance();
        if seen < amount {
            return Err(Insufficient {
                balance: seen,
                requested: amount,
            });
        }
        let mut balance = self.balance.lock();
        *balance -= amount;
        Ok(*balance)
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock()
    }
}
