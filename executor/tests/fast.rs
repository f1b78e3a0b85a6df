//! The fast core on real threads: the paths users hit beyond the model
//! checkers' small scenarios (a blocked submitter, a task that panics, a
//! value whose `Drop` panics, misuse from inside a task, many threads).
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::{Gate, gated};
use common::{silence_deliberate_panics, within};
use executor::{FastExecutor, FastPartitionedExecutor, LifecycleError, RejectReason, TaskError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// Occupies the pool's only worker until the gate opens.
fn hold(pool: &FastExecutor) -> Arc<Gate> {
    let (gate, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    gate
}

#[test]
fn a_panicking_task_fails_its_handle_and_the_worker_lives_on() {
    silence_deliberate_panics();
    let pool = FastExecutor::new(1, 4).unwrap();
    let bad = pool.submit(|| -> u32 { panic!("deliberate") }).unwrap();
    let good = pool.submit(|| 7_u32).unwrap();
    assert!(
        matches!(bad.join(), Err(TaskError::Panicked { message, .. }) if message == "deliberate")
    );
    assert_eq!(good.join(), Ok(7));
    pool.shutdown().unwrap();
    let m = pool.metrics();
    assert_eq!((m.completed, m.failed, m.accepted), (1, 1, 2));
}

#[test]
fn try_execute_on_a_full_ring_hands_the_task_back() {
    let pool = FastExecutor::new(1, 2).unwrap();
    let gate = hold(&pool);
    pool.try_execute(|| ()).unwrap();
    pool.try_execute(|| ()).unwrap();
    let (tx, rx) = mpsc::channel();
    let refused = pool.try_execute(move || tx.send(5).unwrap()).unwrap_err();
    assert_eq!(refused.reason, RejectReason::Full);
    (refused.task)();
    assert_eq!(rx.recv(), Ok(5), "the task comes back intact");
    gate.open();
    pool.shutdown().unwrap();
    assert_eq!(pool.metrics().rejected, 1);
}

#[test]
fn a_blocked_submitter_gets_in_when_a_slot_frees() {
    let pool = Arc::new(FastExecutor::new(1, 2).unwrap());
    let gate = hold(&pool);
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap(); // the ring is full now
    let p = pool.clone();
    let (tx, blocked) = mpsc::channel();
    let submitter = std::thread::spawn(move || {
        tx.send(()).unwrap();
        p.submit(|| "in").unwrap().join()
    });
    blocked.recv().unwrap();
    gate.open();
    assert_eq!(
        within("blocked submit", move || submitter.join().unwrap()),
        Ok("in")
    );
}

#[test]
fn shutdown_refuses_a_blocked_submitter_with_shutting_down() {
    let pool = Arc::new(FastExecutor::new(1, 2).unwrap());
    let gate = hold(&pool);
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    let p = pool.clone();
    let submitter = std::thread::spawn(move || p.execute(|| ()).map_err(|e| e.reason));
    // Whether it blocks before or after the close, it must come back.
    let p = pool.clone();
    let closer = std::thread::spawn(move || p.shutdown());
    let refused = within("blocked submitter at shutdown", move || {
        submitter.join().unwrap()
    });
    assert!(
        refused == Err(RejectReason::ShuttingDown) || refused.is_ok(),
        "{refused:?}"
    );
    gate.open();
    within("shutdown", move || closer.join().unwrap()).unwrap();
    let m = pool.metrics();
    assert_eq!(m.accepted, m.completed, "every accepted task ran: {m:?}");
}

#[test]
fn submit_after_shutdown_is_refused() {
    let pool = FastPartitionedExecutor::new(2, 4).unwrap();
    pool.shutdown().unwrap();
    let refused = pool.submit(&"k", || 1).unwrap_err();
    assert_eq!(refused.reason, RejectReason::ShuttingDown);
    pool.shutdown().unwrap(); // twice is fine
}

#[test]
fn shutdown_from_inside_a_task_is_refused_not_deadlocked() {
    let pool = Arc::new(FastExecutor::new(1, 4).unwrap());
    let p = pool.clone();
    let handle = pool.submit(move || p.shutdown()).unwrap();
    let inside = within("shutdown from a task", move || handle.join().unwrap());
    assert!(
        matches!(inside, Err(LifecycleError::FromWorker { thread }) if thread == "fast-worker-0")
    );
    assert!(pool.is_shutdown(), "the shutdown was started");
    within("shutdown", move || pool.shutdown()).unwrap();
}

#[test]
fn the_last_handle_dropped_inside_a_task_does_not_hang() {
    let pool = Arc::new(FastExecutor::new(1, 4).unwrap());
    let (tx, rx) = mpsc::channel();
    let p = pool.clone();
    pool.execute(move || {
        drop(p); // not the last owner: main still holds one
        tx.send(()).unwrap();
    })
    .unwrap();
    rx.recv().unwrap();
    within("drop", move || drop(pool));
}

#[test]
fn a_value_whose_drop_panics_does_not_kill_the_worker() {
    silence_deliberate_panics();
    struct Bomb;
    impl Drop for Bomb {
        fn drop(&mut self) {
            panic!("deliberate drop");
        }
    }
    let pool = FastExecutor::new(1, 4).unwrap();
    drop(pool.submit(|| Bomb).unwrap()); // nobody waits: the worker drops it
    assert_eq!(
        pool.submit(|| 1).unwrap().join(),
        Ok(1),
        "the worker lives on"
    );
    pool.shutdown().unwrap();
}

#[test]
fn many_submitters_lose_nothing_and_keep_per_key_order() {
    let pool = Arc::new(FastPartitionedExecutor::new(4, 8).unwrap());
    let last = Arc::new((0..4).map(|_| AtomicUsize::new(0)).collect::<Vec<_>>());
    let submitters: Vec<_> = (0..4)
        .map(|key| {
            let (pool, last) = (pool.clone(), last.clone());
            std::thread::spawn(move || {
                for seq in 1..=5_000 {
                    let last = last.clone();
                    pool.execute(&key, move || {
                        // Relaxed: one key's tasks run on one worker, in order.
                        let before = last[key].swap(seq, Ordering::Relaxed);
                        assert_eq!(before, seq - 1, "key {key} out of order");
                    })
                    .unwrap();
                }
            })
        })
        .collect();
    for s in submitters {
        s.join().unwrap();
    }
    within("shutdown", move || {
        pool.shutdown().unwrap();
        let m = pool.metrics();
        assert_eq!((m.accepted, m.completed, m.failed), (20_000, 20_000, 0));
        for key in 0..4 {
            assert_eq!(last[key].load(Ordering::Relaxed), 5_000);
        }
    });
}

#[test]
fn a_blocking_submit_into_the_lane_you_alone_serve_fails_fast() {
    let pool = Arc::new(FastExecutor::new(1, 2).unwrap());
    let p = pool.clone();
    let inside = pool
        .submit(move || {
            // The only worker is running this task: nobody else can make
            // room. Two fit; the third would wait for this very thread.
            let first = p.execute(|| ()).map_err(|e| e.reason);
            let second = p.execute(|| ()).map_err(|e| e.reason);
            let third = p.execute(|| ()).map_err(|e| e.reason);
            (first, second, third)
        })
        .unwrap();
    let got = within("a submit into its own full lane", move || {
        inside.join().unwrap()
    });
    assert_eq!(got, (Ok(()), Ok(()), Err(RejectReason::Full)));
    within("shutdown", move || pool.shutdown()).unwrap();
}

#[test]
fn a_blocking_submit_into_another_workers_full_lane_still_waits() {
    let pool = Arc::new(FastPartitionedExecutor::new(2, 2).unwrap());
    // Keys 0..64 spread over both lanes; find one of each.
    let lane_of = |key: u64| executor::routing::jump_hash(executor::routing::stable_hash(&key), 2);
    let other = (0..64).find(|&k| lane_of(k) == 1).unwrap();
    let mine = (0..64).find(|&k| lane_of(k) == 0).unwrap();
    let p = pool.clone();
    let inside = pool
        .submit(&mine, move || {
            // Lane 1 is served by the other worker: waiting there is fine.
            (0..8).all(|_| p.execute(&other, || ()).is_ok())
        })
        .unwrap();
    assert_eq!(
        within("a submit into another lane", move || inside.join()),
        Ok(true)
    );
    within("shutdown", move || pool.shutdown()).unwrap();
}
