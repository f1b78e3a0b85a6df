//! Grades `one_shot_promise`: waiters sleep until one completer wins.

use super::answer::Promise;
use exercises::prelude::*;

/// Guarantee: a thread waiting before or while `complete` runs wakes up
/// with the value.
fn waiter_gets_the_value<B: Backend>() {
    let promise = Arc::<B, _>::new(Promise::<B, u32>::new());
    let p = promise.clone();
    let waiter = spawn::<B, _>("waiter", move || p.wait());
    assert_eq!(promise.complete(7), Ok(()), "the first complete must succeed");
    assert_eq!(join(waiter), 7, "the waiter returned a value nobody completed with");
}

/// Guarantee: every waiter wakes up, not just one of them.
fn every_waiter_wakes<B: Backend>() {
    let promise = Arc::<B, _>::new(Promise::<B, u32>::new());
    let waiters: Vec<_> = (0..2)
        .map(|i| {
            let p = promise.clone();
            spawn::<B, _>(format!("waiter-{i}"), move || p.wait())
        })
        .collect();
    assert_eq!(promise.complete(5), Ok(()), "the first complete must succeed");
    for w in waiters {
        assert_eq!(join(w), 5, "a waiter returned the wrong value");
    }
}

/// Guarantee: of two racing completers exactly one wins, the loser gets
/// its value back, and waiters see the winner's value.
fn first_completion_wins<B: Backend>() {
    let promise = Arc::<B, _>::new(Promise::<B, u32>::new());
    let p = promise.clone();
    let rival = spawn::<B, _>("completer-1", move || p.complete(1));
    let mine = promise.complete(2);
    let theirs = join(rival);
    let seen = promise.wait();
    match (mine, theirs) {
        (Ok(()), Err(1)) => assert_eq!(seen, 2, "the winner (2) was overwritten"),
        (Err(2), Ok(())) => assert_eq!(seen, 1, "the winner (1) was overwritten"),
        other => panic!(
            "exactly one complete must win and the loser get its own value back; got {other:?}"
        ),
    }
}

exercises::suite! {
    exercise: "one_shot_promise",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [waiter_gets_the_value, every_waiter_wakes, first_completion_wins],
}
