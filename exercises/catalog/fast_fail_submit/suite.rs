//! Grades `fast_fail_submit`: racing submitters on a queue of capacity one,
//! and snapshots taken while submissions are in flight.

use super::answer::{FastFailQueue, Metrics, Rejected};
use exercises::prelude::*;
use exercises::trace_check::Events;

fn check_snapshot(m: Metrics, capacity: u64) {
    assert_eq!(
        m.submitted,
        m.accepted + m.rejected,
        "a snapshot must have submitted == accepted + rejected: {m:?}"
    );
    assert!(m.queued <= capacity, "the queue holds more than its capacity {capacity}: {m:?}");
}

/// Guarantee: two submitters racing for the last slot: exactly one is
/// accepted, the other gets its own job back, and both jobs can still run.
fn last_slot_goes_to_one<B: Backend>() {
    let queue = Arc::<B, _>::new(FastFailQueue::<B>::new(1));
    let ran = Events::<B, &str>::shared();
    let (q, r) = (queue.clone(), ran.clone());
    let other = spawn::<B, _>("other-submitter", move || {
        q.try_submit(move || r.push("other's job")).map_err(|Rejected(job)| job())
    });
    let r = ran.clone();
    let mine = queue.try_submit(move || r.push("caller's job")).map_err(|Rejected(job)| job());
    let theirs = join(other);
    assert!(
        mine.is_ok() ^ theirs.is_ok(),
        "capacity 1: exactly one of two submissions must be accepted (caller: {mine:?}, other: {theirs:?})"
    );
    check_snapshot(queue.metrics(), 1);
    assert!(queue.run_next(), "the accepted job must be queued");
    let mut seen = ran.entries();
    seen.sort();
    assert_eq!(
        seen,
        ["caller's job", "other's job"],
        "the refused job (run by its submitter) and the accepted one (run by run_next), once each"
    );
}

/// Guarantee: every snapshot, even one taken mid-submission, has
/// `submitted == accepted + rejected` and `queued <= capacity`.
fn snapshots_are_consistent<B: Backend>() {
    let queue = Arc::<B, _>::new(FastFailQueue::<B>::new(1));
    let q = queue.clone();
    let submitter = spawn::<B, _>("submitter", move || {
        let first = q.try_submit(|| ()).is_ok();
        let second = q.try_submit(|| ()).is_ok();
        (first, second)
    });
    check_snapshot(queue.metrics(), 1);
    check_snapshot(queue.metrics(), 1);
    let outcome = join(submitter);
    assert_eq!(outcome, (true, false), "capacity 1, nothing run: (first, second) accepted?");
    let m = queue.metrics();
    check_snapshot(m, 1);
    assert_eq!((m.submitted, m.accepted, m.rejected), (2, 1, 1), "final counts: {m:?}");
}

/// Guarantee: exactly `capacity` jobs fit; the next is refused; jobs run
/// oldest first and are counted as completed.
fn capacity_is_exact<B: Backend>() {
    let queue = Arc::<B, _>::new(FastFailQueue::<B>::new(2));
    let ran = Events::<B, u32>::shared();
    let (q, r) = (queue.clone(), ran.clone());
    let client = spawn::<B, _>("client", move || {
        for id in 0..3 {
            let r = r.clone();
            let accepted = q.try_submit(move || r.push(id)).is_ok();
            assert_eq!(accepted, id < 2, "capacity 2: was submission {id} accepted?");
        }
    });
    check_snapshot(queue.metrics(), 2);
    join(client);
    while queue.run_next() {}
    assert_eq!(ran.entries(), [0, 1], "the accepted jobs must run, oldest first");
    let m = queue.metrics();
    let expected = Metrics { submitted: 3, accepted: 2, rejected: 1, completed: 2, queued: 0 };
    assert_eq!(m, expected, "final metrics");
}

/// Guarantee: `run_next` takes a job off the queue and its `queued` count
/// in one step: a submit racing it never sees more than `capacity`
/// queued, and neither does a snapshot.
fn run_next_races_submit<B: Backend>() {
    let queue = Arc::<B, _>::new(FastFailQueue::<B>::new(1));
    assert!(queue.try_submit(|| ()).is_ok(), "an empty queue of capacity 1 refused a job");
    let q = queue.clone();
    let runner = spawn::<B, _>("runner", move || q.run_next());
    let accepted = queue.try_submit(|| ()).is_ok();
    check_snapshot(queue.metrics(), 1);
    assert!(join(runner), "run_next found no job, yet one was queued before it started");
    let m = queue.metrics();
    check_snapshot(m, 1);
    assert_eq!(m.queued, u64::from(accepted), "after one run, `queued` must count the second job iff it was accepted: {m:?}");
}

exercises::suite! {
    exercise: "fast_fail_submit",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [last_slot_goes_to_one, snapshots_are_consistent, capacity_is_exact, run_next_races_submit],
}
