//! Wrong: the test never submits a task that panics ("panics are an edge
//! case"). Every promise it checks holds on an executor whose worker dies
//! with the first panicking task, so that executor passes.

use exercises::prelude::*;
use exercises::subjects::executor::{Executor, Metrics};

/// Checks the executor's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, E: Executor<B>>() {
    let pool = E::new(2, 2);
    let ran = Arc::<B, _>::new(AtomicU64::<B>::new(0));
    let failing = pool.try_submit(Box::new(|| ()));
    assert!(failing.is_ok(), "an empty queue of capacity 2 refused a task");
    let counter = ran.clone();
    // Relaxed: the count is read only after shutdown joined the worker.
    let working = pool.try_submit(Box::new(move || {
        counter.fetch_add(1, Ordering::Relaxed);
    }));
    assert!(working.is_ok(), "a queue of capacity 2 holding one task refused a second");
    balances(pool.metrics(), "a snapshot taken while the workers run");
    pool.shutdown();
    let m = pool.metrics();
    balances(m, "the snapshot after shutdown");
    // Relaxed: shutdown joined the workers, which orders their increment
    // before this load.
    assert_eq!(ran.load(Ordering::Relaxed), 1, "the accepted task must run exactly once");
    assert_eq!(
        (m.completed, m.failed, m.queued, m.running),
        (2, 0, 0, 0),
        "after shutdown: both tasks completed, nothing queued or running"
    );
}

/// Asserts both equations of a snapshot.
fn balances(m: Metrics, when: &str) {
    assert_eq!(m.submitted, m.accepted + m.rejected, "{when}: submitted != accepted + rejected ({m:?})");
    assert_eq!(
        m.accepted,
        m.completed + m.failed + m.queued + m.running,
        "{when}: accepted != completed + failed + queued + running ({m:?})"
    );
}
