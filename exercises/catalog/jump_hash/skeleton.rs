//! # Jump consistent hashing
//!
//! Routing a key with `hash(key) % n` is fine until `n` changes: going from
//! 4 to 5 workers sends about 4 keys in 5 to a different worker, and every
//! one of them loses its place in line (per-key order, warm caches).
//! Consistent hashing moves only the keys the new worker must take over,
//! about `1/(n+1)` of them. Jump consistent hash (Lamping and Veach, 2014)
//! does it with no table at all: it follows a key's pseudo-random sequence
//! of "jumps" through the bucket numbers, each one landing further out, and
//! returns the last jump that lands below `n`. Because the sequence does
//! not depend on `n`, growing to `n + 1` can only change the answer to the
//! new bucket `n`.
//!
//! The algorithm, for reference: start with `b = -1`, `j = 0`; while
//! `j < n`: set `b = j`, step the key with the 64-bit LCG
//! `key = key * 2862933555777941757 + 1` (wrapping), and jump to
//! `j = floor((b + 1) * 2^31 / ((key >> 33) + 1))` (in `f64`). Return `b`.
//!
//! ## Your task
//! - `bucket(key, n)` returns the key's bucket in `0..n` (for `n >= 1`),
//!   the same every time; growing `n` to `n + 1` leaves each key where it
//!   was or moves it to bucket `n`; every bucket gets about `1/n` of the
//!   keys;
//! - `moved_fraction(from, to, keys)` is the fraction of the keys
//!   `0..keys` whose bucket differs between `from` and `to` buckets.
//!
//! No threads here: this is the routing function a partitioned pool uses.
//!
//! ## The Python 3.8 shape
//! ```python
//! def bucket(key: int, buckets: int) -> int: ...
//! def moved_fraction(frm: int, to: int, keys: int) -> float: ...
//! ```
//!
//! Grade with `cargo drill check jump_hash`.

/// The bucket in `0..buckets` that `key` belongs to.
pub fn bucket(key: u64, buckets: u32) -> u32 {
    todo!()
}

/// The fraction of the keys `0..keys` whose bucket differs between `from`
/// and `to` buckets.
pub fn moved_fraction(from: u32, to: u32, keys: u64) -> f64 {
    todo!()
}
