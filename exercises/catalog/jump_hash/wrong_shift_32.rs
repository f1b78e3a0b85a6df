//! Wrong: the random draw keeps 32 bits (key >> 32) against a 2^31
//! numerator. Every jump is on average half as long, the key stays low:
//! bucket 1 gets far more than its share and the last buckets far less.

/// The bucket in `0..buckets` that `key` belongs to.
pub fn bucket(mut key: u64, buckets: u32) -> u32 {
    assert!(buckets > 0, "jump hash needs at least one bucket");
    let mut b: i64 = -1;
    let mut j: i64 = 0;
    while j < i64::from(buckets) {
        b = j;
        key = key.wrapping_mul(2_862_933_555_777_941_757).wrapping_add(1);
        let draw = ((key >> 32) + 1) as f64;
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
