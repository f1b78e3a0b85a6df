//! Stable key routing: which worker owns a key, the same in every run and
//! every process, and what a resize moves.
//!
//! Two steps. First a key becomes a 64-bit hash with FNV-1a, written out
//! here rather than taken from std: std's `RandomState` is seeded per
//! process (so routing would differ between runs), and `DefaultHasher`'s
//! algorithm may change between Rust releases. Then the hash picks one of
//! `n` workers with *jump consistent hashing* (Lamping and Veach, 2014):
//! growing from `n` to `n + 1` workers moves only the keys the new worker
//! takes over, about `1/(n+1)` of them, where `hash % n` would move almost
//! all (`n/(n+1)`).

use core::hash::{Hash, Hasher};

// ANCHOR: stable_hash
/// FNV-1a, 64-bit: tiny, fast for short keys, and fixed forever.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        // The FNV-1a 64-bit offset basis.
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            // The FNV-1a 64-bit prime.
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The stable hash of a key.
///
/// ```
/// use executor::routing::stable_hash;
/// assert_eq!(stable_hash(&"user-42"), stable_hash(&"user-42"));
/// assert_ne!(stable_hash(&"user-42"), stable_hash(&"user-43"));
/// ```
pub fn stable_hash<K: Hash + ?Sized>(key: &K) -> u64 {
    let mut hasher = Fnv1a::default();
    key.hash(&mut hasher);
    hasher.finish()
}
// ANCHOR_END: stable_hash

// ANCHOR: jump_hash
/// Jump consistent hash: the bucket in `0..buckets` for `hash`.
///
/// Walks the sequence of buckets the key would "jump" to as the bucket
/// count grows, driven by a pseudo-random generator seeded with the hash,
/// and stops at the last jump below `buckets`. `buckets` of 0 is treated
/// as 1.
///
/// ```
/// use executor::routing::jump_hash;
/// let moved = (0..10_000u64)
///     .filter(|&h| jump_hash(h.wrapping_mul(0x9e37_79b9_7f4a_7c15), 8)
///         != jump_hash(h.wrapping_mul(0x9e37_79b9_7f4a_7c15), 9))
///     .count();
/// assert!((900..1300).contains(&moved), "about 1/9 of keys move: {moved}");
/// ```
pub fn jump_hash(hash: u64, buckets: usize) -> usize {
    let buckets = buckets.max(1) as i64;
    let mut key = hash;
    let (mut bucket, mut next) = (-1_i64, 0_i64);
    while next < buckets {
        bucket = next;
        // A 64-bit linear congruential step.
        key = key.wrapping_mul(2_862_933_555_777_941_757).wrapping_add(1);
        let divisor = ((key >> 33) + 1) as f64;
        next = ((bucket + 1) as f64 * ((1_u64 << 31) as f64 / divisor)) as i64;
    }
    bucket as usize
}
// ANCHOR_END: jump_hash

// ANCHOR: worker_for
/// The worker a key is routed to among `workers` (no resize in progress).
///
/// ```
/// use executor::routing::worker_for;
/// let w = worker_for(&"order-17", 4);
/// assert!(w < 4);
/// assert_eq!(w, worker_for(&"order-17", 4)); // stable
/// ```
pub fn worker_for<K: Hash + ?Sized>(key: &K, workers: usize) -> usize {
    jump_hash(stable_hash(key), workers)
}
// ANCHOR_END: worker_for

#[cfg(test)]
mod tests {
    use super::*;

    // ANCHOR: jump_vs_modulo
    /// Fraction of 100,000 keys whose worker changes from `from` to `to`
    /// workers under `route`.
    fn moved(route: fn(u64, usize) -> usize, from: usize, to: usize) -> f64 {
        let keys = 100_000_u64;
        let moved = (0..keys)
            .map(|k| stable_hash(&format!("key-{k}")))
            .filter(|&h| route(h, from) != route(h, to))
            .count();
        moved as f64 / keys as f64
    }

    #[test]
    fn jump_hash_moves_about_one_in_n_keys_and_modulo_almost_all() {
        let jump = moved(jump_hash, 8, 9);
        let modulo = moved(|h, n| (h % n as u64) as usize, 8, 9);
        println!(
            "8 -> 9 workers: jump hash moved {jump:.4} of keys (1/9 = {:.4}); modulo moved {modulo:.4} (8/9 = {:.4})",
            1.0 / 9.0,
            8.0 / 9.0
        );
        assert!((jump - 1.0 / 9.0).abs() < 0.01, "jump hash moved {jump}");
        assert!((modulo - 8.0 / 9.0).abs() < 0.01, "modulo moved {modulo}");
    }
    // ANCHOR_END: jump_vs_modulo

    #[test]
    fn jump_hash_only_moves_keys_to_the_new_bucket() {
        for k in 0..10_000_u64 {
            let h = stable_hash(&k);
            let (before, after) = (jump_hash(h, 8), jump_hash(h, 9));
            assert!(
                before == after || after == 8,
                "key {k} moved {before} -> {after}"
            );
        }
    }

    #[test]
    fn jump_hash_spreads_keys_evenly() {
        let mut counts = [0_usize; 8];
        for k in 0..80_000_u64 {
            counts[jump_hash(stable_hash(&k), 8)] += 1;
        }
        for (bucket, &count) in counts.iter().enumerate() {
            assert!((9_000..11_000).contains(&count), "bucket {bucket}: {count}");
        }
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        let fnv = |bytes: &[u8]| {
            let mut h = Fnv1a::default();
            h.write(bytes);
            h.finish()
        };
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
