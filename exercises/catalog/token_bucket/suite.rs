//! Grades `token_bucket`: callers race for tokens at clock values the
//! suite picks, and the grants are counted against what was available.

use super::answer::TokenBucket;
use exercises::prelude::*;

const PERIOD: Duration = Duration::from_millis(10);

/// Runs `mine` on the caller and `theirs` on a second thread, each a list
/// of clock values to call `try_acquire` at; returns the total grants.
fn race<B: Backend>(bucket: TokenBucket<B>, mine: &'static [u64], theirs: &'static [u64]) -> usize {
    let bucket = Arc::<B, _>::new(bucket);
    let b = bucket.clone();
    let count = |bucket: &TokenBucket<B>, times: &[u64]| {
        times.iter().filter(|&&ms| bucket.try_acquire(Duration::from_millis(ms))).count()
    };
    let t = spawn::<B, _>("requester", move || count(&b, theirs));
    count(&bucket, mine) + join(t)
}

/// Guarantee: one token, two callers at the same instant: exactly one
/// grant.
fn one_token_one_grant<B: Backend>() {
    let grants = race(TokenBucket::<B>::new(1, PERIOD), &[0], &[0]);
    assert_eq!(grants, 1, "capacity 1 at time 0: two callers got {grants} grants, want exactly 1");
}

/// Guarantee: a refill period is credited once, however many callers
/// arrive after it.
fn refill_credited_once<B: Backend>() {
    let bucket = TokenBucket::<B>::new(2, PERIOD);
    assert!(bucket.try_acquire(Duration::ZERO) && bucket.try_acquire(Duration::ZERO), "a new bucket of capacity 2 is full");
    assert!(!bucket.try_acquire(Duration::ZERO), "the bucket was drained at time 0");
    let grants = race(bucket, &[10], &[10]);
    assert_eq!(
        grants, 1,
        "drained at 0 ms, one period (10 ms) later two callers got {grants} grants: one token was earned"
    );
}

/// Guarantee: idle time earns at most `capacity` tokens, and a caller with
/// an older clock reading earns nothing.
fn idle_refill_is_capped<B: Backend>() {
    let bucket = TokenBucket::<B>::new(2, PERIOD);
    assert!(bucket.try_acquire(Duration::ZERO) && bucket.try_acquire(Duration::ZERO), "a new bucket of capacity 2 is full");
    let grants = race(bucket, &[1000, 1000], &[1000, 0]);
    assert_eq!(
        grants, 2,
        "drained at 0 ms, idle until 1000 ms: the bucket holds at most 2, but 4 calls got {grants} grants"
    );
}

exercises::suite! {
    exercise: "token_bucket",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [one_token_one_grant, refill_credited_once, idle_refill_is_capped],
}
