//! Guarantee: `join_timeout` never loses the outcome. A zero timeout only
//! polls: it returns the value if the task has finished, or the handle,
//! untouched. A long timeout (which never fires under the model checkers)
//! must be ended by the worker's notify, in every interleaving.

use executor::Pool;
use executor::sync::Backend;
use std::time::Duration;

/// Scenario: poll a handle, then wait for it with a deadline.
pub fn join_timeout_wakes<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).build().unwrap();
    let handle = pool.submit(|| 7_u8).unwrap();
    let outcome = match handle.join_timeout(Duration::ZERO) {
        Ok(outcome) => outcome,
        Err(pending) => match pending.join_timeout(Duration::from_secs(60)) {
            Ok(outcome) => outcome,
            Err(_) => panic!("a 60 s deadline passed under a model checker"),
        },
    };
    assert_eq!(outcome, Ok(7));
    pool.shutdown().unwrap();
}
