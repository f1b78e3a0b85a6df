//! # Write the test: the request executor, reference solution
//!
//! One scenario, each step aimed at a promise a plausible executor breaks:
//! - two workers, so that at shutdown two can be asleep at once: a
//!   shutdown that wakes only one of them hangs, and the checker reports
//!   the deadlock;
//! - a panicking task first, then a normal one: if the panic kills its
//!   worker, the failure is not counted (or the join re-raises it);
//! - a snapshot taken while the workers run, checked against both
//!   equations: counters kept outside one lock show a task in between,
//!   neither queued nor running;
//! - shutdown right after submitting, then "the normal task ran once":
//!   a worker that leaves on seeing the flag drops the queued task.
//!
//! Every check is an equation on values the executor promises, never on
//! timing, so it holds on every schedule of a correct executor.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! def scenario(make_executor):
//!     pool = make_executor(2, 2)
//!     ran = []
//!     ran_lock = threading.Lock()
//!     def fail():
//!         raise RuntimeError("deliberate panic: a failing task")
//!     def work():
//!         with ran_lock:
//!             ran.append(1)
//!     assert pool.try_submit(fail) and pool.try_submit(work)
//!     m = pool.metrics()
//!     assert m["submitted"] == m["accepted"] + m["rejected"]
//!     assert m["accepted"] == m["completed"] + m["failed"] + m["queued"] + m["running"]
//!     pool.shutdown()                       # must return: a hang is a bug
//!     m = pool.metrics()
//!     assert len(ran) == 1, "the accepted task must run exactly once"
//!     assert (m["completed"], m["failed"], m["queued"], m["running"]) == (1, 1, 0, 0)
//! ```

use exercises::prelude::*;
use exercises::subjects::executor::{Executor, Metrics};

/// Checks the executor's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, E: Executor<B>>() {
    let pool = E::new(2, 2);
    let ran = Arc::<B, _>::new(AtomicU64::<B>::new(0));
    let failing = pool.try_submit(Box::new(|| panic!("deliberate panic: a failing task")));
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
        (1, 1, 0, 0),
        "after shutdown: one task completed, one failed (it panicked), nothing queued or running"
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
