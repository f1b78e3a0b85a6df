//! Guarantee: a completion callback runs exactly once, with the task's
//! outcome, whether it is registered before the task finishes (the worker
//! runs it) or after (the registering thread runs it), and never under the
//! pool's lock: a callback that asks the pool for its metrics, while
//! another thread holds a lock the callback needs and asks too, cannot
//! deadlock.

use super::support::Log;
use executor::Pool;
use executor::sync::{Arc, Backend, Mutex, thread};

/// Scenario: `on_complete` races the task's completion.
pub fn on_complete_once<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).build().unwrap());
    let log = Log::<B, u64>::shared();
    let shared_lock = Arc::<B, _>::new(Mutex::<B, ()>::new(()));
    let handle = pool.submit(|| 7_u64).unwrap();
    let (l, m, p) = (log.clone(), shared_lock.clone(), pool.clone());
    handle.on_complete(move |outcome| {
        // Lock order if this ran under the pool's lock: pool, then `m`;
        // the other thread takes `m`, then the pool: a deadlock.
        let _held = m.lock();
        assert!(p.metrics().is_consistent());
        l.push(outcome.unwrap());
    });
    let (m, p) = (shared_lock.clone(), pool.clone());
    let reader = thread::spawn::<B, _, _>("reader".into(), move || {
        let _held = m.lock();
        p.metrics()
    })
    .unwrap();
    assert!(reader.join().unwrap().is_consistent());
    pool.shutdown().unwrap();
    // The callback ran before the worker left, or on this thread.
    assert_eq!(log.entries(), vec![7], "the callback must run exactly once");
}
