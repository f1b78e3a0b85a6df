//! Guarantee: a slow key holds up only its own worker; another key on
//! another worker still makes progress. (If it did not, the join below
//! would wait forever and the checkers would report a deadlock.)

use super::support::{Latch, gated, two_lanes};
use executor::sync::Backend;

// ANCHOR: keys_independent
/// Scenario P2: key a's worker is blocked; key b still completes.
pub fn keys_independent<B: Backend>() {
    let (pool, a, b) = two_lanes::<B>(1);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let slow = pool.submit(&a, gated(&started, &release)).unwrap();
    let fast = pool.submit(&b, || 7_u8).unwrap();
    assert_eq!(
        fast.join(),
        Ok(7),
        "key b ran while key a's worker was blocked"
    );
    release.set();
    slow.join().unwrap();
    pool.shutdown().unwrap();
    assert!(pool.metrics().is_consistent());
}
// ANCHOR_END: keys_independent
