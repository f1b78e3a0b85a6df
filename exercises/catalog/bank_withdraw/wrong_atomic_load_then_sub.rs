//! Wrong: the balance is an `AtomicU64`; `withdraw` loads it, checks, then
//! `fetch_sub`s. Every operation is atomic, the sequence is not: two
//! withdrawals both pass the check and the balance wraps around below zero
//! (atomics wrap silently instead of panicking).

use exercises::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient {
    pub balance: u64,
    pub requested: u64,
}

pub struct Account<B: Backend> {
    balance: AtomicU64<B>,
}

impl<B: Backend> Account<B> {
    pub fn new(opening: u64) -> Self {
        Self {
            balance: AtomicU64::new(opening),
        }
    }

    pub fn deposit(&self, amount: u64) {
        self.balance.fetch_add(amount, Ordering::SeqCst);
    }

    pub fn withdraw(&self, amount: u64) -> Result<u64, Insufficient> {
        let seen = self.balance.load(Ordering::SeqCst);
        if seen < amount {
            return Err(Insufficient {
                balance: seen,
                requested: amount,
            });
        }
        let before = self.balance.fetch_sub(amount, Ordering::SeqCst);
        Ok(before.wrapping_sub(amount))
    }

    pub fn balance(&self) -> u64 {
        self.balance.load(Ordering::SeqCst)
    }
}
