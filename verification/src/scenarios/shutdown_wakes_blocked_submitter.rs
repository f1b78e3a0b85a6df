//! Guarantee: a submitter blocked on a full queue when shutdown starts is
//! woken and handed its task back (`ShuttingDown`); it never sleeps on. The
//! wake-up is shutdown's own (`wake_all` notifies `not_full` too): after an
//! immediate shutdown no slot ever frees, so nothing else would wake it.

use super::support::Busy;
use executor::sync::{Arc, Backend, thread};
use executor::{Pool, RejectReason};

/// Scenario: shutdown wakes a submitter blocked on a full queue.
pub fn shutdown_wakes_blocked_submitter<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::builder().workers(1).capacity(1).build().unwrap());
    let busy = Busy::occupy(&pool);
    let queued = pool.submit(|| 1_u8).unwrap(); // the queue is full now
    let p = pool.clone();
    let submitter = thread::spawn::<B, _, _>("submitter".into(), move || match p.submit(|| 2_u8) {
        Ok(_) => panic!("accepted after an immediate shutdown emptied the queue"),
        Err(refused) => {
            assert_eq!(refused.reason, RejectReason::ShuttingDown);
            assert_eq!((refused.task)(), 2, "the refused task comes back intact");
        }
    })
    .unwrap();
    let unstarted = pool.shutdown_now(); // the submitter may be blocked, or not yet
    assert_eq!(unstarted.len(), 1, "the queued task was taken back");
    submitter.join().unwrap();
    busy.release();
    assert!(queued.join().is_err(), "the queued task was cancelled");
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.rejected, m.cancelled, m.waiting), (1, 1, 0), "{m:?}");
}
