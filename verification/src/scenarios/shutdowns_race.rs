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
