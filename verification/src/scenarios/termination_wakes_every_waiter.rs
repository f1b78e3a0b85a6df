//! Guarantee: when the pool terminates, every thread inside
//! `await_termination` wakes and returns `Ok(true)`: the last worker out
//! notifies all of them, not one.

use executor::Pool;
use executor::sync::{Arc, Backend, thread};
use std::time::Duration;

/// Scenario: two threads await termination; both are woken.
pub fn termination_wakes_every_waiter<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).build().unwrap());
    let p = pool.clone();
    // The timeout is only a latency bound: it never fires under the model
    // checkers, where only the notify can wake the waiters.
    let waiter = thread::spawn::<B, _, _>("waiter".into(), move || {
        p.await_termination(Duration::from_secs(60))
    })
    .unwrap();
    let _ = pool.shutdown_now(); // closes without waiting
    assert_eq!(pool.await_termination(Duration::from_secs(60)), Ok(true));
    assert_eq!(waiter.join().unwrap(), Ok(true));
    assert!(pool.is_terminated());
}
