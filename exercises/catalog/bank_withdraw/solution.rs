//! # A bank account that never overdraws: reference solution
//!
//! The balance lives inside a `Mutex`, and `withdraw` reads, checks and
//! subtracts while holding one guard. No other thread can change the
//! balance between the check and the subtraction, so the check is still
//! true when the money is taken. `deposit` is a read-modify-write too and
//! takes the same lock, so neither loses the other's update.
//!
//! (An `AtomicU64` also works if `withdraw` is a compare-and-swap loop:
//! read, check, `compare_exchange(seen, seen - amount)`, retry on failure.
//! A `load`, a check and a `fetch_sub` is three steps, not one.)
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Insufficient(Exception):
//!     def __init__(self, balance, requested):
//!         super().__init__("balance %d < %d" % (balance, requested))
//!         self.balance = balance
//!         self.requested = requested
//!
//! class Account:
//!     def __init__(self, opening):
//!         self._lock = threading.Lock()
//!         self._balance = opening
//!
//!     def deposit(self, amount):
//!         with self._lock:
//!             self._balance += amount
//!
//!     def withdraw(self, amount):
//!         with self._lock:               # check and act under one lock
//!             if self._balance < amount:
//!                 raise Insufficient(self._balance, amount)
//!             self._balance -= amount
//!             return self._balance
//!
//!     def balance(self):
//!         with self._lock:
//!             return self._balance
//! ```

use exercises::prelude::*;

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
        *self.balance.lock() += amount;
    }

    /// Takes `amount` if the balance covers it; returns the new balance.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Insufficient> {
        let mut balance = self.balance.lock();
        if *balance < amount {
            return Err(Insufficient {
                balance: *balance,
                requested: amount,
            });
        }
        *balance -= amount;
        Ok(*balance)
    }

    /// The current balance.
    pub fn balance(&self) -> u64 {
        *self.balance.lock()
    }
}
