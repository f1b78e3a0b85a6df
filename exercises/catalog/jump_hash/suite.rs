//! Grades `jump_hash`: range, determinism, the jump property, the share
//! of moved keys and the balance of the buckets, over 10,000 keys.

use super::answer::{bucket, moved_fraction};
use exercises::prelude::*;

const KEYS: u64 = 10_000;

/// Guarantee: every bucket is in `0..n`, and the same on every call.
fn in_range_and_deterministic<B: Backend>() {
    for n in 1..=10 {
        for key in (0..KEYS).step_by(7) {
            let b = bucket(key, n);
            assert!(b < n, "bucket({key}, {n}) = {b}: out of range 0..{n}");
            assert_eq!(b, bucket(key, n), "bucket({key}, {n}) changed between calls");
        }
    }
    assert_eq!(bucket(u64::MAX, 1), 0, "with one bucket everything goes to bucket 0");
}

/// Guarantee: growing from n to n + 1 buckets leaves every key where it
/// was or moves it to the new bucket n, never between old buckets.
fn growth_moves_only_to_new_bucket<B: Backend>() {
    for n in 1..10 {
        for key in 0..KEYS {
            let (before, after) = (bucket(key, n), bucket(key, n + 1));
            assert!(
                after == before || after == n,
                "key {key}: bucket {before} with {n} buckets, {after} with {} (only {before} or {n} allowed)",
                n + 1
            );
        }
    }
}

/// Guarantee: growing from n to n + 1 moves about 1/(n+1) of the keys,
/// as counted by `moved_fraction`.
fn growth_moves_about_one_in_n_plus_one<B: Backend>() {
    for n in [1, 2, 4, 9] {
        let moved = moved_fraction(n, n + 1, KEYS);
        let ideal = 1.0 / f64::from(n + 1);
        assert!(
            (0.8 * ideal..=1.2 * ideal).contains(&moved),
            "growing {n} -> {} buckets moved {moved:.3} of the keys; consistent hashing moves about {ideal:.3}",
            n + 1
        );
    }
    assert_eq!(moved_fraction(5, 5, 100), 0.0, "moved_fraction(n, n) must be 0");
}

/// Guarantee: each of n buckets gets about 1/n of the keys (within 15%).
fn buckets_are_balanced<B: Backend>() {
    for n in [2, 3, 6, 10] {
        let mut counts = vec![0u64; n as usize];
        for key in 0..KEYS {
            if let Some(slot) = counts.get_mut(bucket(key, n) as usize) {
                *slot += 1;
            }
        }
        let fair = KEYS as f64 / f64::from(n);
        for (b, &count) in counts.iter().enumerate() {
            assert!(
                (count as f64 - fair).abs() <= 0.15 * fair,
                "with {n} buckets, bucket {b} got {count} of {KEYS} keys (fair share {fair:.0}): {counts:?}"
            );
        }
    }
}

exercises::suite! {
    exercise: "jump_hash",
    checkers: ["std"],
    scenarios: [in_range_and_deterministic, growth_moves_only_to_new_bucket, growth_moves_about_one_in_n_plus_one, buckets_are_balanced],
}
