//! The handle API peers have: `join_timeout` (the handle comes back),
//! `try_join`, `cancel` for a task not yet started, and `on_complete`
//! callbacks (exactly once, never under the pool's lock, at once if the
//! task already finished). Tasks wait at a gate the test opens; `within`
//! is a watchdog only.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::{Gate, hold};
use common::{silence_deliberate_panics, within};

use executor::{Executor, RejectionPolicy, TaskError, TaskId};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// A one-worker pool whose worker is held at `gate` by task #0.
fn held(
    capacity: usize,
) -> (
    Executor,
    Arc<Gate>,
    executor::TaskHandle<executor::sync::Std, ()>,
) {
    let pool = Executor::builder()
        .workers(1)
        .capacity(capacity)
        .build()
        .unwrap();
    let (gate, busy) = hold(&pool);
    (pool, gate, busy)
}

#[test]
fn join_timeout_hands_the_handle_back_then_joins() {
    let (pool, gate, busy) = held(4);
    let queued = pool.submit(|| 5).unwrap();
    let queued = queued
        .join_timeout(Duration::ZERO)
        .expect_err("a queued task has no outcome yet");
    let busy = busy
        .join_timeout(Duration::from_millis(1))
        .expect_err("a held task has no outcome yet");
    gate.open();
    assert_eq!(busy.join_timeout(common::HANG).unwrap(), Ok(()));
    assert_eq!(queued.join_timeout(common::HANG).unwrap(), Ok(5));
}

#[test]
fn try_join_never_blocks() {
    let (pool, gate, busy) = held(4);
    let busy = busy.try_join().expect_err("still running");
    gate.open();
    assert_eq!(busy.join(), Ok(()));
    let done = pool.submit(|| 9).unwrap();
    pool.wait_idle().unwrap();
    assert_eq!(done.try_join().unwrap(), Ok(9));
}

#[test]
fn cancel_takes_a_queued_task_off_and_frees_its_slot() {
    let (pool, gate, busy) = held(1);
    let ran = Arc::new(AtomicUsize::new(0));
    let r = ran.clone();
    // Relaxed: read after shutdown joined the worker.
    let queued = pool
        .submit(move || r.fetch_add(1, Ordering::Relaxed))
        .unwrap();
    // The queue (capacity 1) is full: a blocked submitter waits for a slot.
    let p = Arc::new(pool);
    let submitter = {
        let p = p.clone();
        std::thread::spawn(move || p.submit(|| 42).map_err(|r| r.reason))
    };
    while p.metrics().waiting == 0 {
        std::thread::yield_now();
    }
    assert!(queued.cancel(), "a queued task can be cancelled");
    assert!(!queued.cancel(), "only once");
    assert_eq!(queued.join(), Err(TaskError::Cancelled(TaskId(1))));
    // The freed slot let the blocked submitter in, before the worker moved.
    let later = within("the submitter waiting for the freed slot", move || {
        submitter.join().unwrap()
    })
    .expect("admitted into the freed slot");
    gate.open();
    busy.join().unwrap();
    assert_eq!(later.join(), Ok(42));
    p.shutdown().unwrap();
    assert_eq!(
        ran.load(Ordering::Relaxed),
        0,
        "a cancelled task never runs"
    );
    let m = p.metrics();
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.cancelled, m.completed), (1, 2), "{m:?}");
}

#[test]
fn cancel_does_nothing_once_a_task_runs_or_ran() {
    let (pool, gate, busy) = held(4);
    assert!(!busy.cancel(), "a running task is not cancelled");
    gate.open();
    let done = pool.submit(|| 1).unwrap();
    pool.wait_idle().unwrap();
    assert!(!done.cancel(), "a finished task is not cancelled");
    assert_eq!((busy.join(), done.join()), (Ok(()), Ok(1)));
    let caller = Executor::builder()
        .workers(1)
        .capacity(1)
        .policy(RejectionPolicy::CallerRuns)
        .build()
        .unwrap();
    let (gate, busy) = hold(&caller);
    caller.submit(|| 0).unwrap(); // fills the queue
    let ran_here = caller.submit(|| 2).unwrap(); // run on this thread
    assert!(!ran_here.cancel(), "a caller-run task already ran");
    assert_eq!(ran_here.join(), Ok(2));
    gate.open();
    busy.join().unwrap();
    // A caller-run task is finished for `wait_idle` too.
    assert_eq!(caller.wait_idle_timeout(common::HANG), Ok(true));
}

#[test]
fn a_callback_runs_once_on_the_worker_or_at_once() {
    let (pool, gate, busy) = held(4);
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let calls = Arc::new(AtomicUsize::new(0));
    let (c, t) = (calls.clone(), tx.lock().unwrap().clone());
    let queued = pool.submit(|| 3).unwrap();
    queued.on_complete(move |outcome| {
        // Relaxed: a count read after the pool is idle.
        c.fetch_add(1, Ordering::Relaxed);
        t.send((std::thread::current().name().map(str::to_owned), outcome))
            .unwrap();
    });
    gate.open();
    busy.join().unwrap();
    let (thread, outcome) = rx.recv_timeout(common::HANG).unwrap();
    assert_eq!((thread.as_deref(), outcome), (Some("worker-0"), Ok(3)));
    // Registered after the task finished: runs now, on this thread.
    let done = pool.submit(|| 4).unwrap();
    pool.wait_idle().unwrap();
    let c = calls.clone();
    let here = std::thread::current().id();
    done.on_complete(move |outcome| {
        assert_eq!(outcome, Ok(4));
        assert_eq!(std::thread::current().id(), here);
        c.fetch_add(1, Ordering::Relaxed);
    });
    pool.shutdown().unwrap();
    assert_eq!(
        calls.load(Ordering::Relaxed),
        2,
        "each callback exactly once"
    );
}

#[test]
fn a_callback_may_call_into_the_pool_and_panic() {
    silence_deliberate_panics();
    let pool = Arc::new(Executor::builder().workers(1).build().unwrap());
    let (tx, rx) = mpsc::channel();
    let p = pool.clone();
    pool.submit(|| 1).unwrap().on_complete(move |_| {
        // Under the pool's lock this would deadlock on the same lock.
        tx.send(p.metrics()).unwrap();
        panic!("deliberate: a callback that panics");
    });
    let seen = rx
        .recv_timeout(common::HANG)
        .expect("the callback ran without deadlocking");
    assert!(seen.is_consistent());
    // The worker survived the callback's panic.
    let pool2 = pool.clone();
    assert_eq!(
        within("a task after the callback", move || pool2
            .submit(|| 2)
            .unwrap()
            .join()),
        Ok(2)
    );
}

#[test]
fn callbacks_of_unstarted_tasks_run_with_their_fate() {
    let (pool, gate, busy) = held(1);
    let (tx, rx) = mpsc::channel();
    let t = tx.clone();
    pool.submit(|| 1)
        .unwrap()
        .on_complete(move |o| t.send(o).unwrap());
    let unstarted = pool.shutdown_now();
    assert_eq!(unstarted.len(), 1);
    assert_eq!(
        rx.recv_timeout(common::HANG).unwrap(),
        Err(TaskError::Cancelled(TaskId(1)))
    );
    gate.open();
    busy.join().unwrap();
    let discarding = Executor::builder()
        .workers(1)
        .capacity(1)
        .policy(RejectionPolicy::DiscardOldest)
        .build()
        .unwrap();
    let (gate, busy) = hold(&discarding);
    let t = tx.clone();
    discarding
        .submit(|| 2)
        .unwrap()
        .on_complete(move |o| t.send(o).unwrap());
    let kept = discarding.submit(|| 3).unwrap(); // evicts #1
    assert_eq!(
        rx.recv_timeout(common::HANG).unwrap(),
        Err(TaskError::Discarded(TaskId(1)))
    );
    gate.open();
    busy.join().unwrap();
    assert_eq!(kept.join(), Ok(3));
}
