//! Guarantee: a task's value whose `Drop` panics harms neither the worker
//! nor the pool. If its handle is dropped before the value arrives, the
//! worker drops it outside the lock and catches the panic; the next task
//! runs and shutdown terminates.

use executor::Pool;
use executor::sync::Backend;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A value whose `Drop` panics.
struct PanicsOnDrop;

impl Drop for PanicsOnDrop {
    fn drop(&mut self) {
        panic!("deliberate panic in Drop");
    }
}

/// Scenario: an abandoned value panics as the worker drops it.
pub fn panicking_drop<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).capacity(2).build().unwrap();
    let handle = pool.submit(|| PanicsOnDrop).unwrap();
    // If the value is already there, dropping the handle drops it here, on
    // its owner's thread, and the panic is this thread's own to catch; if
    // not, the worker drops it later and must survive the panic.
    let _ = catch_unwind(AssertUnwindSafe(move || drop(handle)));
    let next = pool.submit(|| 7_u8).unwrap();
    assert_eq!(next.join(), Ok(7), "the worker survived the panicking drop");
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent() && m.completed == 2, "{m:?}");
}
