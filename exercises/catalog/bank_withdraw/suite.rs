//! Grades `bank_withdraw`: two threads withdraw and deposit at once.

use super::answer::{Account, Insufficient};
use exercises::prelude::*;

/// Guarantee: two withdrawals of 60 from 100 cannot both succeed; the
/// refused one reports the balance it saw, and the account ends at 40.
fn never_overdraws<B: Backend>() {
    let account = Arc::<B, _>::new(Account::<B>::new(100));
    let other = account.clone();
    let t = spawn::<B, _>("withdrawer", move || other.withdraw(60));
    let mine = account.withdraw(60);
    let theirs = join(t);
    let refused = Insufficient {
        balance: 40,
        requested: 60,
    };
    let ok = |r: &Result<u64, Insufficient>| r.is_ok();
    assert!(
        ok(&mine) != ok(&theirs),
        "100 covers one withdrawal of 60, not two: got {mine:?} and {theirs:?}"
    );
    for r in [mine, theirs] {
        assert!(
            r == Ok(40) || r == Err(refused),
            "expected Ok(40) for the winner and Err({refused:?}) for the loser, got {r:?}"
        );
    }
    assert_eq!(account.balance(), 40, "the final balance is wrong");
}

/// Guarantee: a deposit racing a withdrawal is not lost, and the
/// withdrawal's answer matches the balance it left behind.
fn deposit_and_withdraw_both_count<B: Backend>() {
    let account = Arc::<B, _>::new(Account::<B>::new(10));
    let other = account.clone();
    let t = spawn::<B, _>("depositor", move || other.deposit(5));
    let took = account.withdraw(3);
    join(t);
    assert!(
        took == Ok(7) || took == Ok(12),
        "withdraw(3) from 10 (+ a concurrent deposit of 5) must return Ok(7) or Ok(12), got {took:?}"
    );
    assert_eq!(account.balance(), 12, "10 + 5 - 3 is 12: an update was lost");
}

/// Guarantee: a withdrawal racing a deposit either sees the deposit (and
/// succeeds) or not (and is refused with the old balance); nothing else.
fn withdrawal_is_all_or_nothing<B: Backend>() {
    let account = Arc::<B, _>::new(Account::<B>::new(0));
    let other = account.clone();
    let t = spawn::<B, _>("depositor", move || other.deposit(50));
    let took = account.withdraw(50);
    join(t);
    let left = account.balance();
    match took {
        Ok(0) => assert_eq!(left, 0, "the withdrawal succeeded but {left} is left"),
        Err(Insufficient {
            balance: 0,
            requested: 50,
        }) => assert_eq!(left, 50, "the withdrawal was refused but {left} is left"),
        other => panic!("withdraw(50) racing deposit(50) from 0 returned {other:?}"),
    }
}

/// Guarantee: each successful withdrawal returns the balance it left
/// behind, read under the same lock as its check and subtraction: 30 and
/// 20 from 100 return 70 then 50, or 80 then 50, never both 50.
fn withdrawal_returns_its_own_balance<B: Backend>() {
    let account = Arc::<B, _>::new(Account::<B>::new(100));
    let other = account.clone();
    let t = spawn::<B, _>("withdrawer", move || other.withdraw(20));
    let thirty = account.withdraw(30);
    let twenty = join(t);
    assert!(
        (thirty, twenty) == (Ok(70), Ok(50)) || (thirty, twenty) == (Ok(50), Ok(80)),
        "withdraw(30) and withdraw(20) from 100 returned {thirty:?} and {twenty:?}: \
         each must return the balance right after its own withdrawal (70 and 50, or 50 and 80)"
    );
    assert_eq!(account.balance(), 50, "100 - 30 - 20 is 50");
}

exercises::suite! {
    exercise: "bank_withdraw",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        never_overdraws,
        deposit_and_withdraw_both_count,
        withdrawal_is_all_or_nothing,
        withdrawal_returns_its_own_balance,
    ],
}
