//! Guarantee: `shutdown_now` raises the cancel signal, and a running task
//! that checks it sees it and returns, so the pool terminates even though
//! the task would otherwise never end.

use super::support::Latch;
use executor::Pool;
use executor::sync::{Backend, thread};

/// Scenario: a task that runs until cancelled.
pub fn cancel_signal_stops_task<B: Backend>() {
    let pool = Pool::<B>::builder().workers(1).build().unwrap();
    let signal = pool.cancel_signal();
    let started = Latch::<B>::shared();
    let s = started.clone();
    let endless = pool
        .submit(move || {
            s.set();
            while !signal.is_cancelled() {
                thread::yield_now::<B>(); // one step of endless work
            }
        })
        .unwrap();
    started.wait();
    assert!(pool.shutdown_now().is_empty());
    pool.shutdown().unwrap();
    assert_eq!(endless.join(), Ok(()));
    assert!(pool.cancel_signal().is_cancelled());
}
