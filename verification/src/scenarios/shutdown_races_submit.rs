//! Guarantee: graceful shutdown racing a submit loses nothing: a task that
//! was accepted runs, a task that was refused comes back with
//! `ShuttingDown`, and shutdown terminates.

use super::support::{Log, accepted_or_refused, logging};
use executor::Pool;
use executor::sync::{Backend, thread};

// ANCHOR: shutdown_races_submit
/// Scenario 3: shutdown racing a submit from another thread.
pub fn shutdown_races_submit<B: Backend>() {
    let pool = executor::sync::Arc::<B, _>::new(
        Pool::<B>::builder().workers(1).capacity(2).build().unwrap(),
    );
    let log = Log::<B>::shared();
    let first = pool.submit(logging(&log, 0)).unwrap();
    let submitter = {
        let (pool, log) = (pool.clone(), log.clone());
        thread::spawn::<B, _, _>("submitter".into(), move || {
            accepted_or_refused(pool.submit(logging(&log, 1)))
        })
        .unwrap()
    };
    pool.shutdown().unwrap();
    assert!(
        pool.is_terminated(),
        "shutdown returned, so every worker has left"
    );
    let accepted = submitter.join().unwrap();
    assert_eq!(first.join(), Ok(0));
    assert_eq!(
        log.sorted(),
        vec![0, 1],
        "both ran exactly once, on the pool or the caller"
    );
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!(m.completed, if accepted { 2 } else { 1 });
    assert_eq!(m.rejected, if accepted { 0 } else { 1 });
}
// ANCHOR_END: shutdown_races_submit
