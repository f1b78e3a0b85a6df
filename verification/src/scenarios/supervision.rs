//! Guarantee: the supervisor replaces a dead worker within the restart
//! intensity and fails the pool cleanly past it. "Cleanly" means: nothing
//! accepted is lost or left hanging (a task queued when the pool fails has
//! its handle resolved as `PoolFailed`), every later submission is refused
//! with `Failed`, the cause is kept, and shutdown still terminates.

use crate::panics::DELIBERATE;
use core::time::Duration;
use executor::sync::Backend;
use executor::{PanicPolicy, Pool, RejectReason, RestartIntensity, TaskError};

// ANCHOR: supervisor_restarts_within_cap
/// One worker, restarted after each task panic, at most once: the first
/// panic costs a restart and the next task runs on the new thread; the
/// second passes the cap and fails the pool, racing a last submission.
pub fn supervisor_restarts_within_cap<B: Backend>() {
    let pool = Pool::<B>::builder()
        .workers(1)
        .capacity(2)
        .panic_policy(PanicPolicy::RestartWorker)
        .restart_intensity(RestartIntensity {
            restarts: 1,
            within: Duration::from_secs(60),
        })
        .build()
        .unwrap();
    let first = pool.submit(|| panic!("{DELIBERATE}: first")).unwrap();
    assert!(matches!(first.join(), Err(TaskError::Panicked { .. })));
    // Within the cap: a new worker runs the next task.
    assert_eq!(pool.submit(|| 7_u8).unwrap().join(), Ok(7));
    assert_eq!(pool.supervision().restarts, 1);
    let second = pool.submit(|| panic!("{DELIBERATE}: second")).unwrap();
    assert!(matches!(second.join(), Err(TaskError::Panicked { .. })));
    // Past the cap, and racing the death: refused, or resolved unrun.
    match pool.submit(|| 8_u8) {
        Err(refused) => assert_eq!(refused.reason, RejectReason::Failed),
        Ok(last) => assert!(
            matches!(last.join(), Err(TaskError::PoolFailed(_))),
            "a task accepted by a failing pool must resolve unrun"
        ),
    }
    let failure = pool.supervision().failure.expect("the pool failed");
    assert!(
        failure.cause.contains("more than 1 restarts"),
        "{failure:?}"
    );
    assert_eq!(pool.supervision().restarts, 1, "no restart past the cap");
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.completed, m.failed), (1, 2), "{m:?}");
}
// ANCHOR_END: supervisor_restarts_within_cap
