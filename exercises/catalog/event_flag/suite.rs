//! Grades `event_flag`: waiters block until the caller sets the flag.
//! Spurious wake-ups are injected.

use super::answer::Event;
use exercises::prelude::*;

/// Guarantee: `set` wakes every waiter, not just one (a deadlock here means
/// a waiter was never woken).
fn set_wakes_every_waiter<B: Backend>() {
    let event = Arc::<B, _>::new(Event::<B>::new());
    let waiters: Vec<_> = (0..2)
        .map(|i| {
            let event = event.clone();
            spawn::<B, _>(format!("waiter-{i}"), move || event.wait())
        })
        .collect();
    event.set();
    for waiter in waiters {
        assert!(join(waiter), "wait() must return true once the flag is set");
    }
}

/// Guarantee: `wait` returns only once the flag is up, and a `set` racing
/// with a `wait` is never missed (a deadlock here means a lost wake-up).
fn wait_returns_only_when_set<B: Backend>() {
    let event = Arc::<B, _>::new(Event::<B>::new());
    let other = event.clone();
    let waiter = spawn::<B, _>("waiter", move || {
        other.wait();
        assert!(
            other.is_set(),
            "wait() returned while the flag was still down (a spurious wake-up \
             taken for a set: re-check the flag in a loop)"
        );
    });
    // One step before `set`: under loom a spurious wake-up yields to the
    // other thread, and this step lets the waiter resume with the flag down.
    assert!(!event.is_set(), "a new event must start with the flag down");
    event.set();
    join(waiter);
}

/// Guarantee: `clear` lowers the flag, and a later `wait` blocks until
/// the next `set`.
fn clear_lowers_the_flag<B: Backend>() {
    let event = Arc::<B, _>::new(Event::<B>::new());
    event.set();
    assert!(event.is_set(), "is_set() is false right after set()");
    event.clear();
    assert!(!event.is_set(), "is_set() is true right after clear()");
    let other = event.clone();
    let waiter = spawn::<B, _>("waiter", move || {
        other.wait();
        assert!(other.is_set(), "wait() returned after clear() but before the next set()");
    });
    event.set();
    join(waiter);
}

exercises::suite! {
    exercise: "event_flag",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [set_wakes_every_waiter, wait_returns_only_when_set, clear_lowers_the_flag],
}
