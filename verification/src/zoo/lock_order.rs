//! **Lock-order deadlock.** A transfer locks the account it debits, then
//! the one it credits. Two opposite transfers take the same two locks in
//! opposite orders.
//!
//! The interleaving: A (a→b) locks a; B (b→a) locks b; A waits for b, which
//! B holds; B waits for a, which A holds. Neither can go on: a deadlock. It
//! needs one preemption between A's two locks, so every checker finds it at
//! once; real threads find it rarely, because the window between the two
//! locks is a few nanoseconds wide.
//!
//! The fix: a global lock order. Every transfer locks the account with the
//! lower id first, whichever way the money goes, so no cycle of waits can
//! form.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Mutex, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "lock_order",
    summary: "two transfers lock the same two accounts in opposite orders and deadlock",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads deadlock only if a preemption lands in the nanosecond window \
                  between a transfer's two locks (never in 60,000 runs here)",
    spurious: false,
};

// ANCHOR: setup
/// Two accounts, indexed by their id.
type Accounts<B> = [Mutex<B, u64>; 2];

/// Moves `amount` from account `from` to account `to`.
type Transfer<B> = fn(&Accounts<B>, usize, usize, u64);

/// Thread "transfer-b-to-a" moves 30 from b to a while main moves 10 from a
/// to b; the total must be preserved (and both must finish).
fn run<B: Backend>(transfer: Transfer<B>) {
    let accounts = Arc::<B, _>::new([Mutex::<B, u64>::new(100), Mutex::<B, u64>::new(100)]);
    let other = accounts.clone();
    let t = thread::spawn::<B, _, _>("transfer-b-to-a".into(), move || {
        transfer(&other, 1, 0, 30);
    })
    .unwrap();
    transfer(&accounts, 0, 1, 10);
    t.join().unwrap();
    let (a, b) = (*accounts[0].lock(), *accounts[1].lock());
    assert_eq!(a + b, 200, "money was created or destroyed");
    assert_eq!((a, b), (120, 80), "a transfer was lost");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Locks the debited account, then the credited one.
pub fn broken<B: Backend>() {
    run::<B>(|accounts, from, to, amount| {
        let mut debit = accounts[from].lock();
        // Holding `from`, waiting for `to`: the opposite transfer holds
        // `to` and waits for `from`.
        let mut credit = accounts[to].lock();
        *debit -= amount;
        *credit += amount;
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Locks the account with the lower id first, whichever way money goes.
pub fn fixed<B: Backend>() {
    run::<B>(|accounts, from, to, amount| {
        let (mut debit, mut credit) = if from < to {
            let debit = accounts[from].lock();
            (debit, accounts[to].lock())
        } else {
            let credit = accounts[to].lock();
            (accounts[from].lock(), credit)
        };
        *debit -= amount;
        *credit += amount;
    });
}
// ANCHOR_END: fixed
