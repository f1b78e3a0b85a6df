//! Guarantee: a panicking task fails alone. Its handle reports the panic
//! and its message; the worker survives and runs the next task.

use crate::panics::DELIBERATE;
use executor::sync::Backend;
use executor::{Pool, TaskError};

/// Scenario 5: a panic is reported, isolated, and survived.
pub fn panic_isolated<B: Backend>() {
    // One worker: if it died with the panic, the second task would never run.
    let pool = Pool::<B>::builder().workers(1).capacity(2).build().unwrap();
    let bad = pool
        .submit(|| -> u32 { panic!("{DELIBERATE}: task 0") })
        .unwrap();
    let good = pool.submit(|| 7_u32).unwrap();
    match bad.join() {
        Err(TaskError::Panicked { id, message }) => {
            assert_eq!(id.0, 0);
            assert_eq!(message, format!("{DELIBERATE}: task 0"));
        }
        other => panic!("expected the panic to be reported, got {other:?}"),
    }
    assert_eq!(good.join(), Ok(7), "the worker survived the panic");
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.failed, m.completed), (1, 1));
}
