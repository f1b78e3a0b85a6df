//! Grades `retry_backoff`: the backoff arithmetic (on a client thread) and
//! two threads spending the last retry of a shared budget.

use super::answer::{Backoff, RetryBudget};
use exercises::prelude::*;

/// Guarantee: the ceiling doubles from `base`, reaches the cap and stays
/// there for every later attempt, with no overflow.
fn backoff_doubles_then_caps<B: Backend>() {
    // Two clients share one Backoff: it is read-only, so that is fine.
    let backoff = Arc::<B, _>::new(Backoff::new(100, 10_000));
    let b = backoff.clone();
    let client = spawn::<B, _>("client", move || {
        let expected = [(0, 100), (1, 200), (6, 6_400), (7, 10_000), (63, 10_000), (64, 10_000), (1_000, 10_000)];
        for (attempt, ceiling) in expected {
            assert_eq!(b.ceiling_ms(attempt), ceiling, "ceiling_ms({attempt}) with base 100 ms, cap 10 s");
        }
    });
    // A scheduling point, so the model checkers interleave the clients.
    yield_now::<B>();
    let mut last = 0;
    for attempt in 0..200 {
        let c = backoff.ceiling_ms(attempt);
        assert!(c >= last && c <= 10_000, "ceiling_ms({attempt}) = {c}: must never shrink (was {last}) nor pass the cap");
        last = c;
    }
    join(client);
}

/// Guarantee: full jitter: the delay is `random % (ceiling + 1)`, so it
/// covers all of `[0, ceiling]` and never more.
fn jitter_covers_zero_to_ceiling<B: Backend>() {
    fn check(backoff: &Backoff, attempts: [u32; 2]) {
        for attempt in attempts {
            let c = backoff.ceiling_ms(attempt);
            assert_eq!(backoff.delay_ms(attempt, 0), 0, "delay_ms({attempt}, random 0)");
            assert_eq!(backoff.delay_ms(attempt, c), c, "delay_ms({attempt}, random = ceiling {c})");
            assert_eq!(backoff.delay_ms(attempt, c + 1), 0, "delay_ms({attempt}, random = ceiling + 1)");
            let big = backoff.delay_ms(attempt, u64::MAX);
            assert!(big <= c, "delay_ms({attempt}, u64::MAX) = {big} is above the ceiling {c}");
        }
    }
    let backoff = Arc::<B, _>::new(Backoff::new(100, 10_000));
    let b = backoff.clone();
    let client = spawn::<B, _>("client", move || check(&b, [0, 3]));
    yield_now::<B>(); // a scheduling point, as above
    check(&backoff, [10, 100]);
    join(client);
}

/// Guarantee: two threads racing for the last retry: exactly one gets it;
/// requests then earn retries back, never beyond the reserve.
fn budget_never_overspent<B: Backend>() {
    let budget = Arc::<B, _>::new(RetryBudget::<B>::new(50, 1));
    let b = budget.clone();
    let other = spawn::<B, _>("retrier", move || b.try_spend_retry());
    let mine = budget.try_spend_retry();
    let theirs = join(other);
    assert!(mine ^ theirs, "one retry in the budget, two racers: exactly one may spend it (got {mine} and {theirs})");
    assert_eq!(budget.available(), 0, "the budget must be empty after its only retry");
    budget.record_request();
    assert!(!budget.try_spend_retry(), "one request at 50% earns half a retry: not enough to retry");
    budget.record_request();
    budget.record_request();
    budget.record_request();
    assert_eq!(budget.available(), 1, "four requests at 50% earn two retries, capped at the reserve of 1");
}

exercises::suite! {
    exercise: "retry_backoff",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [backoff_doubles_then_caps, jitter_covers_zero_to_ceiling, budget_never_overspent],
}
