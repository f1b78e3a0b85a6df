//! Guarantee: an idle worker wakes for a new task: no lost wake-up, even
//! when waits return spuriously. A lost wake-up is a deadlock, which both
//! checkers report.

use executor::Pool;
use executor::sync::Backend;

// ANCHOR: idle_worker_wakes
/// Scenario 6: each submit reaches an idle (or about to idle) worker.
pub fn idle_worker_wakes<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(1).build().unwrap();
    for value in 0..2_u32 {
        // Between the two, the worker goes idle again and must be woken.
        assert_eq!(pool.submit(move || value).unwrap().join(), Ok(value));
    }
    pool.shutdown().unwrap();
    assert!(pool.metrics().is_consistent());
}
// ANCHOR_END: idle_worker_wakes
