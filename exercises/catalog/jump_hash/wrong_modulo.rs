//! Wrong: plain modulo hashing (mix the key, then % buckets). Every key is
//! in range and the buckets are balanced, but growing from n to n + 1
//! buckets moves about n/(n+1) of the keys, most of them between old
//! buckets.

/// The bucket in `0..buckets` that `key` belongs to.
pub fn bucket(mut key: u64, buckets: u32) -> u32 {
    assert!(buckets > 0, "jump hash needs at least one bucket");
    key = key.wrapping_mul(2_862_933_555_777_941_757).wrapping_add(1);
    ((key >> 33) % u64::from(buckets)) as u32
}

/// The fraction of the keys `0..keys` whose bucket differs between `from`
/// and `to` buckets.
pub fn moved_fraction(from: u32, to: u32, keys: u64) -> f64 {
    let moved = (0..keys).filter(|&k| bucket(k, from) != bucket(k, to)).count();
    moved as f64 / keys as f64
}
