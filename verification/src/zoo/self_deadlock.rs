//! **Self-deadlock.** A method takes the lock and, while holding it, calls
//! a helper that takes the same lock again. The mutex is not reentrant: the
//! second `lock` waits for the first guard to drop, which waits for the
//! helper to return. One thread deadlocks with itself; no other thread is
//! involved.
//!
//! No interleaving is needed: every run hangs, on the very first call, so
//! every checker finds it, real threads included (they hang, and the
//! watchdog reports it). The shape is what hides it in real code: the
//! second lock sits in another function, often one written before the
//! caller started holding the lock.
//!
//! The fix: give the helper what the caller already holds (the guard, or the
//! data it protects) instead of letting it lock again; or let the caller
//! drop its guard before the call, if nothing must stay atomic across it.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Mutex, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "self_deadlock",
    summary: "a method holding a lock calls a helper that takes the same lock again",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: the program hangs on every run, whatever the schedule",
    spurious: false,
};

// ANCHOR: setup
/// An account that refuses to go over a limit.
struct Account<B: Backend> {
    balance: Mutex<B, u64>,
}

/// The most an account may hold.
const LIMIT: u64 = 1_000;
// ANCHOR_END: setup

impl<B: Backend> Account<B> {
    fn new(balance: u64) -> Self {
        Self {
            balance: Mutex::new(balance),
        }
    }

    // ANCHOR: broken
    /// Broken: the helper locks the balance itself.
    fn room(&self) -> u64 {
        LIMIT - *self.balance.lock()
    }

    /// Broken: holds the lock and calls `room`, which locks again.
    fn deposit_broken(&self, amount: u64) -> u64 {
        let mut balance = self.balance.lock();
        let accepted = amount.min(self.room());
        *balance += accepted;
        accepted
    }
    // ANCHOR_END: broken

    // ANCHOR: fixed
    /// Fixed: the caller hands the helper the data it already holds.
    fn deposit_fixed(&self, amount: u64) -> u64 {
        let mut balance = self.balance.lock();
        let accepted = amount.min(room_given(*balance));
        *balance += accepted;
        accepted
    }
    // ANCHOR_END: fixed
}

// ANCHOR: fixed_helper
/// Fixed: the helper takes the balance instead of the lock.
fn room_given(balance: u64) -> u64 {
    LIMIT - balance
}
// ANCHOR_END: fixed_helper

// ANCHOR: scenario
/// Main deposits 300 twice into an account holding 500 (the second deposit
/// is capped at the limit) while thread "auditor" checks the limit holds.
/// The deadlock needs no auditor: it is there because a lock nobody shares
/// would be pointless, and shuttle's PCT scheduler rejects a program without
/// concurrency ("test closure did not exercise any concurrency").
fn run<B: Backend>(deposit: fn(&Account<B>, u64) -> u64) {
    let account = Arc::<B, _>::new(Account::<B>::new(500));
    let other = account.clone();
    let auditor = thread::spawn::<B, _, _>("auditor".into(), move || {
        assert!(*other.balance.lock() <= LIMIT, "over the limit");
    })
    .unwrap();
    assert_eq!(deposit(&account, 300), 300);
    assert_eq!(deposit(&account, 300), 200, "the limit was not applied");
    auditor.join().unwrap();
    assert_eq!(*account.balance.lock(), LIMIT);
}
// ANCHOR_END: scenario

/// The helper relocks the mutex its caller holds.
pub fn broken<B: Backend>() {
    run::<B>(Account::deposit_broken);
}

/// The helper works on the data its caller holds.
pub fn fixed<B: Backend>() {
    run::<B>(Account::deposit_fixed);
}
