//! Guarantee: two threads shutting the pool down at once both return `Ok`
//! only after every accepted task has run and every worker has left; the
//! second caller neither returns early nor hangs (whichever takes the
//! worker handles, the other waits on the termination signal).

use super::support::{Log, logging};
use executor::Pool;
use executor::sync::{Arc, Backend, thread};

/// Scenario: `shutdown` from two threads with tasks still queued.
pub fn shutdowns_race<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(2).build().unwrap());
    let log = Log::<B>::shared();
    pool.execute({
        let run = logging(&log, 1);
        move || {
            run();
        }
    })
    .unwrap();
    pool.execute({
        let run = logging(&log, 2);
        move || {
            run();
        }
    })
    .unwrap();
    let (p, l) = (pool.clone(), log.clone());
    let other = thread::spawn::<B, _, _>("other-shutdown".into(), move || {
        let result = p.shutdown();
        // Returned: so every task has run, whichever caller did the joins.
        (result, l.sorted(), p.is_terminated())
    })
    .unwrap();
    assert_eq!(pool.shutdown(), Ok(()));
    assert_eq!(log.sorted(), vec![1, 2]);
    assert!(pool.is_terminated());
    assert_eq!(other.join().unwrap(), (Ok(()), vec![1, 2], true));
}

// ANCHOR: fast_shutdowns_race
/// The same race on the fast core: `shutdown` from two threads with tasks
/// still queued; each caller, once it returns, sees every task run.
pub fn fast_shutdowns_race<B: Backend>() {
    let pool = Arc::<B, _>::new(executor::FastPool::<B>::new(1, 2).unwrap());
    let log = Log::<B>::shared();
    for id in [1, 2] {
        let run = logging(&log, id);
        pool.execute(move || {
            run();
        })
        .unwrap();
    }
    let (p, l) = (pool.clone(), log.clone());
    let other = thread::spawn::<B, _, _>("other-shutdown".into(), move || {
        let result = p.shutdown();
        (result, l.sorted(), p.metrics().completed)
    })
    .unwrap();
    assert_eq!(pool.shutdown(), Ok(()));
    assert_eq!((log.sorted(), pool.metrics().completed), (vec![1, 2], 2));
    assert_eq!(
        other.join().unwrap(),
        (Ok(()), vec![1, 2], 2),
        "the other caller returned early"
    );
}
// ANCHOR_END: fast_shutdowns_race
