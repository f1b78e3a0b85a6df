//! Grades `account_transfer`: opposite transfers, a concurrent auditor and
//! two transfers draining one account.

use super::answer::{Bank, InsufficientFunds};
use exercises::prelude::*;

/// Guarantee: transfers in opposite directions both finish (no deadlock)
/// and move the right amounts.
fn opposite_transfers_finish<B: Backend>() {
    let bank = Arc::<B, _>::new(Bank::<B>::new(&[100, 100]));
    let b = bank.clone();
    let t = spawn::<B, _>("transfer-0-to-1", move || b.transfer(0, 1, 10));
    let mine = bank.transfer(1, 0, 20);
    let theirs = join(t);
    assert_eq!((mine, theirs), (Ok(()), Ok(())), "both transfers had the funds");
    let balances = (bank.balance(0), bank.balance(1));
    assert_eq!(balances, (110, 90), "after 0->1 of 10 and 1->0 of 20, from (100, 100)");
}

/// Guarantee: nobody sees a transfer half done: `total()` taken while a
/// transfer runs is always the starting total.
fn total_is_conserved<B: Backend>() {
    let bank = Arc::<B, _>::new(Bank::<B>::new(&[50, 50]));
    let b = bank.clone();
    let t = spawn::<B, _>("transfer-0-to-1", move || b.transfer(0, 1, 30));
    let seen = bank.total();
    assert_eq!(seen, 100, "total() saw {seen} during a transfer: money was in flight");
    assert_eq!(join(t), Ok(()), "account 0 had the funds");
    assert_eq!((bank.balance(0), bank.balance(1)), (20, 80), "wrong balances after 0->1 of 30");
}

/// Guarantee: two transfers draining the same account cannot both pass
/// the funds check; no balance goes negative and the refused one changes
/// nothing.
fn no_overdraft<B: Backend>() {
    let bank = Arc::<B, _>::new(Bank::<B>::new(&[10, 0, 0]));
    let b = bank.clone();
    let t = spawn::<B, _>("transfer-0-to-1", move || b.transfer(0, 1, 10));
    let mine = bank.transfer(0, 2, 10);
    let theirs = join(t);
    let balances = [bank.balance(0), bank.balance(1), bank.balance(2)];
    assert!(
        balances.iter().all(|&b| b >= 0),
        "a balance went negative: {balances:?} (results {mine:?} and {theirs:?})"
    );
    let refused = [mine, theirs].iter().filter(|r| **r == Err(InsufficientFunds)).count();
    assert_eq!(refused, 1, "account 0 held 10: exactly one of two transfers of 10 must be refused, got {mine:?} and {theirs:?}");
    assert_eq!(bank.total(), 10, "money was created or destroyed: {balances:?}");
}

/// Guarantee: a transfer from an account to itself finishes and changes
/// nothing, even while another transfer uses the same account.
fn self_transfer<B: Backend>() {
    let bank = Arc::<B, _>::new(Bank::<B>::new(&[10, 5]));
    let b = bank.clone();
    let t = spawn::<B, _>("transfer-0-to-0", move || b.transfer(0, 0, 5));
    assert_eq!(bank.transfer(0, 1, 5), Ok(()), "account 0 had the funds for 0->1 of 5");
    assert_eq!(join(t), Ok(()), "a transfer to the same account is allowed");
    let balances = (bank.balance(0), bank.balance(1));
    assert_eq!(balances, (5, 10), "only 0->1 of 5 should have moved money, from (10, 5)");
}

exercises::suite! {
    exercise: "account_transfer",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [opposite_transfers_finish, total_is_conserved, no_overdraft, self_transfer],
}
