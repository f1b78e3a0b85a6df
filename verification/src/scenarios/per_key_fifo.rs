//! Guarantee: tasks of one key run in submission order, while different
//! keys run on different workers in parallel.

use super::support::{Log, logging, two_lanes};
use executor::sync::Backend;

// ANCHOR: per_key_fifo
/// Scenario P1: two keys on two workers, each key's run order is its
/// submission order.
pub fn per_key_fifo<B: Backend>() {
    let (pool, a, b) = two_lanes::<B>(2);
    let log = Log::<B>::shared();
    // Ids: key a's tasks are 10, 11; key b's are 20 (21 off loom).
    let b_tasks = if B::NAME == "loom" { 1 } else { 2 };
    // Key a's tasks go in back to back: any router that does not send a
    // key to one place puts them on different workers, racing.
    let mut handles: Vec<_> = (0..2)
        .map(|seq| pool.submit(&a, logging(&log, 10 + seq)).unwrap())
        .collect();
    for seq in 0..b_tasks {
        handles.push(pool.submit(&b, logging(&log, 20 + seq)).unwrap());
    }
    for handle in handles {
        handle.join().unwrap();
    }
    pool.shutdown().unwrap();
    let ran = log.entries();
    let of = |key: u64| {
        ran.iter()
            .copied()
            .filter(|id| id / 10 == key)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of(1),
        vec![10, 11],
        "key a in submission order (run order {ran:?})"
    );
    assert_eq!(
        of(2),
        (20..20 + b_tasks).collect::<Vec<_>>(),
        "key b (run order {ran:?})"
    );
    assert!(pool.metrics().is_consistent());
}
// ANCHOR_END: per_key_fifo
