//! Grades `interview_executor`: small pools (one or two workers) running a
//! few tasks that record what they did.

use super::answer::{Executor, Metrics, Task};
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, gated};

/// A task that records `id` when it runs.
fn record<B: Backend>(events: &Arc<B, Events<B, u32>>, id: u32) -> Task {
    let events = events.clone();
    Box::new(move || events.push(id))
}

fn balanced(m: &Metrics) -> bool {
    m.submitted == m.accepted + m.rejected && m.accepted == m.completed + m.failed + m.queued + m.running
}

/// Guarantee: with two workers racing for the queue, every accepted task
/// runs exactly once.
fn no_task_lost<B: Backend>() {
    let pool = Executor::<B>::new(2, 2);
    let events = Events::<B, u32>::shared();
    for id in 0..2 {
        assert!(pool.try_submit(record(&events, id)).is_ok(), "try_submit({id}) refused with room in the queue");
    }
    pool.shutdown();
    let mut ran = events.entries();
    ran.sort();
    assert_eq!(ran, [0, 1], "each accepted task must run exactly once (ran: {ran:?})");
    let m = pool.metrics();
    assert_eq!((m.accepted, m.completed), (2, 2), "metrics after shutdown: {m:?}");
}

/// Guarantee: a full queue refuses at once and hands the task back; the
/// refusal is counted.
fn try_submit_fails_fast_when_full<B: Backend>() {
    let pool = Executor::<B>::new(1, 1);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let events = Events::<B, u32>::shared();
    let busy: Task = Box::new(gated(&started, &release));
    assert!(pool.try_submit(busy).is_ok(), "the first task was refused by an empty pool");
    started.wait(); // the only worker is now busy
    assert!(pool.try_submit(record(&events, 1)).is_ok(), "refused with one free slot in the queue");
    let Err(handed_back) = pool.try_submit(record(&events, 2)) else {
        panic!("try_submit accepted a task into a full queue (capacity 1, 1 queued, the worker busy)");
    };
    let m = pool.metrics();
    assert_eq!((m.rejected, m.queued, m.running), (1, 1, 1), "metrics with a full queue: {m:?}");
    handed_back(); // the caller still owns the refused task
    release.set();
    pool.shutdown();
    assert_eq!(events.entries(), [2, 1], "the refused task is the caller's; the queued one must still run");
}

/// Guarantee: a task that panics is counted as failed, and its worker goes
/// on to run the next task.
fn panic_is_isolated<B: Backend>() {
    let pool = Executor::<B>::new(1, 2);
    let events = Events::<B, u32>::shared();
    let bad: Task = Box::new(|| panic!("deliberate panic: a task fails"));
    assert!(pool.try_submit(bad).is_ok(), "try_submit refused with room in the queue");
    assert!(pool.try_submit(record(&events, 1)).is_ok(), "try_submit refused with room in the queue");
    pool.shutdown();
    assert_eq!(events.entries(), [1], "the task queued behind a panicking one never ran");
    let m = pool.metrics();
    assert_eq!((m.completed, m.failed), (1, 1), "a panic must count as failed, the next task as completed: {m:?}");
}

/// Guarantee: shutdown runs everything already accepted before it returns,
/// then refuses new work.
fn shutdown_drains_accepted_work<B: Backend>() {
    let pool = Executor::<B>::new(1, 2);
    let events = Events::<B, u32>::shared();
    for id in 0..2 {
        assert!(pool.try_submit(record(&events, id)).is_ok(), "try_submit({id}) refused with room in the queue");
    }
    pool.shutdown();
    assert_eq!(events.entries(), [0, 1], "shutdown returned before the accepted tasks ran");
    assert!(pool.try_submit(record(&events, 9)).is_err(), "try_submit accepted a task after shutdown");
    let m = pool.metrics();
    assert_eq!((m.completed, m.rejected, m.queued), (2, 1, 0), "metrics after shutdown: {m:?}");
    pool.shutdown(); // a second call is harmless
}

/// Guarantee: shutdown wakes every idle worker (none is left asleep) and
/// joins them all.
fn shutdown_wakes_idle_workers<B: Backend>() {
    let pool = Executor::<B>::new(2, 1);
    pool.shutdown();
    assert_eq!(pool.metrics(), Metrics::default(), "an idle pool reported activity");
}

/// Guarantee: every snapshot balances (submitted = accepted + rejected,
/// accepted = completed + failed + queued + running), even mid-flight.
fn metrics_always_balance<B: Backend>() {
    let pool = Executor::<B>::new(1, 1);
    let events = Events::<B, u32>::shared();
    for id in 0..2 {
        let _ = pool.try_submit(record(&events, id));
        let m = pool.metrics();
        assert!(balanced(&m), "a snapshot taken while the worker runs does not balance: {m:?}");
    }
    pool.shutdown();
    let m = pool.metrics();
    assert!(balanced(&m), "the final snapshot does not balance: {m:?}");
    assert_eq!(m.submitted, 2, "two calls to try_submit: {m:?}");
    assert_eq!(m.completed as usize, events.entries().len(), "completed disagrees with the tasks that ran: {m:?}");
}

/// Guarantee: two submitters racing for the last free slot: exactly one
/// is accepted (the check and the push are one step), and a snapshot
/// taken meanwhile balances.
fn submitters_race_for_the_last_slot<B: Backend>() {
    let pool = Arc::<B, _>::new(Executor::<B>::new(1, 1));
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let events = Events::<B, u32>::shared();
    let busy: Task = Box::new(gated(&started, &release));
    assert!(pool.try_submit(busy).is_ok(), "the first task was refused by an empty pool");
    started.wait(); // the only worker is busy: one free slot is left
    let (p, e) = (pool.clone(), events.clone());
    let other = spawn::<B, _>("submitter", move || p.try_submit(record(&e, 1)).is_ok());
    let mine = pool.try_submit(record(&events, 2)).is_ok();
    let m = pool.metrics();
    assert!(balanced(&m), "a snapshot taken while another submit is in flight does not balance: {m:?}");
    let theirs = join(other);
    assert!(
        mine ^ theirs,
        "capacity 1 with the worker busy: exactly one of two racing submits must be accepted (caller: {mine}, other: {theirs})"
    );
    release.set();
    pool.shutdown();
}

exercises::suite! {
    exercise: "interview_executor",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        no_task_lost,
        try_submit_fails_fast_when_full,
        panic_is_isolated,
        shutdown_drains_accepted_work,
        shutdown_wakes_idle_workers,
        metrics_always_balance,
        submitters_race_for_the_last_slot,
    ],
}
