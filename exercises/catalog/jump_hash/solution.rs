//! # Jump consistent hashing: reference solution
//!
//! The loop walks the key's jump sequence: each step draws a fresh
//! pseudo-random number from the LCG and jumps from `b` to
//! `(b + 1) * 2^31 / (r + 1)` with `r` uniform on `[0, 2^31)`, so the jump
//! lands past any `x > b` with probability `(b + 1) / x`. That makes the
//! last jump below `n` uniform on `0..n` (each bucket gets `1/n` of the
//! keys), and since the sequence never depends on `n`, the answer for
//! `n + 1` is the answer for `n` unless some jump lands exactly on `n`,
//! which happens for `1/(n+1)` of the keys. The loop runs about `ln n`
//! times. Note the `>> 33`: it keeps 31 random bits to match the `2^31`
//! numerator; any mismatch skews the distribution.
//!
//! ## In Python 3.8
//! ```python
//! def bucket(key, buckets):
//!     b, j = -1, 0
//!     while j < buckets:
//!         b = j
//!         key = (key * 2862933555777941757 + 1) % (1 << 64)   # wrap like u64
//!         j = int((b + 1) * ((1 << 31) / ((key >> 33) + 1)))
//!     return b
//!
//! def moved_fraction(frm, to, keys):
//!     moved = sum(1 for k in range(keys) if bucket(k, frm) != bucket(k, to))
//!     return moved / keys
//! ```

/// The bucket in `0..buckets` that `key` belongs to.
pub fn bucket(mut key: u64, buckets: u32) -> u32 {
    assert!(buckets > 0, "jump hash needs at least one bucket");
    let mut b: i64 = -1;
    let mut j: i64 = 0;
    while j < i64::from(buckets) {
        b = j;
        key = key.wrapping_mul(2_862_933_555_777_941_757).wrapping_add(1);
        let draw = ((key >> 33) + 1) as f64;
        j = ((b + 1) as f64 * ((1u64 << 31) as f64 / draw)) as i64;
    }
    b as u32
}

/// The fraction of the keys `0..keys` whose bucket differs between `from`
/// and `to` buckets.
pub fn moved_fraction(from: u32, to: u32, keys: u64) -> f64 {
    let moved = (0..keys).filter(|&k| bucket(k, from) != bucket(k, to)).count();
    moved as f64 / keys as f64
}
