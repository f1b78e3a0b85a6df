//! Guarantee: hooks run outside the pool's lock and inside a panic
//! boundary. A hook that takes a lock another thread holds while it asks
//! the pool for its metrics cannot deadlock, and a hook that panics
//! harms neither its worker nor the tasks.

use executor::sync::{Arc, Backend, Mutex, thread};
use executor::{Outcome, Pool};

/// Scenario: an after-task hook that locks and panics, racing a reader.
pub fn hooks_outside_lock<B: Backend>() {
    let seen = Arc::<B, _>::new(Mutex::<B, Vec<Option<Outcome>>>::new(Vec::new()));
    let s = seen.clone();
    let pool = Arc::<B, _>::new(
        Pool::<B>::builder()
            .workers(1)
            .after_task(move |task| {
                s.lock().push(task.outcome);
                panic!("deliberate panic in an after-task hook");
            })
            .build()
            .unwrap(),
    );
    let first = pool.submit(|| 1_u8).unwrap();
    let (s, p) = (seen.clone(), pool.clone());
    // If the hook ran under the pool's lock, this order (the hook's lock,
    // then the pool's) would deadlock against it.
    let reader = thread::spawn::<B, _, _>("reader".into(), move || {
        let held = s.lock();
        let m = p.metrics();
        drop(held);
        m
    })
    .unwrap();
    assert!(reader.join().unwrap().is_consistent());
    assert_eq!(first.join(), Ok(1));
    // The worker survived its hook's panic.
    assert_eq!(pool.submit(|| 2_u8).unwrap().join(), Ok(2));
    pool.shutdown().unwrap();
    assert_eq!(*seen.lock(), vec![Some(Outcome::Completed); 2]);
}
