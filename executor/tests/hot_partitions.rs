//! Hot partitions, salting, stable routing, resize errors and key movement
//! of the partitioned pool. The guarantees guarded, test by test:
//!
//! - `hot_lane_is_flagged_by_its_own_depth_not_the_average`: `hot_lanes`
//!   flags *any* lane whose depth is over the threshold (strictly), whichever
//!   lane it is, even while the average depth is well below it, and the flag
//!   clears once the lane drains.
//! - `salting_spreads_a_hot_key_and_keeps_fifo_per_salt`: `submit_salted`
//!   spreads one key's tasks over several lanes where plain `submit` puts
//!   them all on one; tasks of one salt still run in FIFO order, while order
//!   across salts is given up (shown deterministically).
//! - `worker_for_is_stable_and_matches_the_routing_function`: a fresh pool
//!   routes every key to `routing::worker_for(&key, workers)`, the same in
//!   two separately built pools, call after call, and (golden values) in
//!   every process.
//! - `resize_and_build_errors_are_typed`: every misuse of `resize` and
//!   `build_partitioned` is a typed error, never a panic or a hang.
//! - `growing_8_to_9_workers_moves_about_a_ninth_of_keys`: on a real pool,
//!   a resize from 8 to 9 workers moves 8% to 15% of 10,000 keys (jump
//!   hash; modulo would move about 89%), and only to the new worker.
//!
//! The regressions for executor bugs these tests found are in
//! `partitioned_regressions.rs`.
//!
//! No test sleeps to synchronise: tasks report that they started on a
//! channel and wait at a gate the test opens; handles are joined. Timeouts
//! only turn a hang into a failure.

// These tests drive the pool from outside with std primitives; they are not
// code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;
use common::*;

use executor::routing::{stable_hash, worker_for};
use executor::sync::Std;
use executor::{BuildError, Executor, PartitionedPool, RejectionPolicy, ResizeError};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// How long a task may take to start before the test calls it a hang.
const HANG: Duration = Duration::from_secs(10);

/// A partitioned pool of `workers` workers (and lanes: no room to grow)
/// with lanes of `capacity`.
fn pool(workers: usize, capacity: usize) -> PartitionedPool<Std> {
    Executor::builder()
        .workers(workers)
        .max_workers(workers)
        .capacity(capacity)
        .name_prefix("hot-w")
        .build_partitioned()
        .expect("build pool")
}

#[test]
fn hot_lane_is_flagged_by_its_own_depth_not_the_average() {
    const WORKERS: usize = 4;
    const HOT_DEPTH: u64 = 8;
    const THRESHOLD: u64 = 5;
    let pool = pool(WORKERS, 16);
    let keys: Vec<String> = (0..WORKERS).map(|lane| key_on(lane, WORKERS)).collect();
    for hot in 0..WORKERS {
        // Hold every lane's worker at a gate...
        let gate = Arc::new(Gate::default());
        let (started_tx, started) = mpsc::channel();
        let mut handles = Vec::new();
        for key in &keys {
            let (gate, started_tx) = (gate.clone(), started_tx.clone());
            let hold = move || {
                started_tx.send(()).unwrap();
                gate.pass();
            };
            handles.push(pool.submit(key, hold).unwrap());
        }
        for _ in &keys {
            started
                .recv_timeout(HANG)
                .expect("every worker holds a task");
        }
        // ...then queue one task on every lane and `HOT_DEPTH` on `hot`.
        for (lane, key) in keys.iter().enumerate() {
            let depth = if lane == hot { HOT_DEPTH } else { 1 };
            handles.extend((0..depth).map(|_| pool.submit(key, || ()).unwrap()));
        }
        // ANCHOR: per_lane_not_average
        let metrics = pool.partition_metrics();
        let depths: Vec<u64> = metrics.lanes.iter().map(|lane| lane.depth).collect();
        let mut want = vec![1; WORKERS];
        want[hot] = HOT_DEPTH;
        assert_eq!(depths, want);
        // An average-based indicator would say all is well...
        let average = depths.iter().sum::<u64>() as f64 / WORKERS as f64;
        assert!(average < THRESHOLD as f64, "average depth {average}");
        // ...while the per-lane one names the hot lane, and only it.
        assert_eq!(pool.hot_lanes(THRESHOLD), vec![hot], "depths {depths:?}");
        assert_eq!(metrics.hot_lanes(THRESHOLD), vec![hot]);
        assert_eq!(pool.hot_lanes(HOT_DEPTH - 1), vec![hot]);
        assert!(
            pool.hot_lanes(HOT_DEPTH).is_empty(),
            "over, not at, the threshold"
        );
        // ANCHOR_END: per_lane_not_average
        // Drained, it clears.
        gate.open();
        for handle in handles {
            handle.join().unwrap();
        }
        assert!(pool.hot_lanes(THRESHOLD).is_empty());
        assert!(pool.hot_lanes(0).is_empty());
    }
    pool.shutdown().unwrap();
}

#[test]
fn salting_spreads_a_hot_key_and_keeps_fifo_per_salt() {
    const TASKS: u64 = 400;
    const SALTS: u64 = 4;
    let accepted = |pool: &PartitionedPool<Std>| -> Vec<u64> {
        let lanes = pool.partition_metrics().lanes;
        lanes.iter().map(|lane| lane.accepted).collect()
    };

    // Unsalted, every task of the hot key lands on its one lane.
    let plain = pool(4, 1024);
    let handles: Vec<_> = (0..TASKS)
        .map(|i| plain.submit(&"hot", move || i))
        .collect();
    for handle in handles {
        handle.unwrap().join().unwrap();
    }
    let mut want = vec![0; 4];
    want[worker_for(&"hot", 4)] = TASKS;
    assert_eq!(accepted(&plain), want, "unsalted: one lane takes all");

    // Salted, they spread. Each task records (salt, i) as it runs.
    let salted = pool(4, 1024);
    let ran = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..TASKS)
        .map(|i| {
            let ran = ran.clone();
            let task = move || ran.lock().unwrap().push((i % SALTS, i));
            salted.submit_salted(&"hot", i % SALTS, task).unwrap()
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let spread = accepted(&salted);
    println!("lanes' accepted tasks: unsalted {want:?}, salted {spread:?}");
    assert_eq!(spread.iter().sum::<u64>(), TASKS);
    let used = spread.iter().filter(|&&n| n > 0).count();
    assert!(used >= 3, "salted tasks used only {used} lanes: {spread:?}");

    // What stays: tasks of one salt ran in submission (FIFO) order.
    let ran = ran.lock().unwrap().clone();
    for salt in 0..SALTS {
        let order: Vec<u64> = ran.iter().filter(|r| r.0 == salt).map(|r| r.1).collect();
        let fifo: Vec<u64> = (0..TASKS).filter(|i| i % SALTS == salt).collect();
        assert_eq!(order, fifo, "salt {salt} ran out of order");
    }

    // What is given up: tasks of the same key with different salts have no
    // order between them. Shown deterministically: a task of salt `a` is
    // held at a gate, and a *later* task of the same key with salt `b` (on
    // another lane) runs to completion before it.
    let (a, b) = (0..SALTS)
        .flat_map(|a| (0..SALTS).map(move |b| (a, b)))
        .find(|&(a, b)| salted.worker_for(&(&"hot", a)) != salted.worker_for(&(&"hot", b)))
        .expect("two salts on different lanes");
    let gate = Arc::new(Gate::default());
    let (started_tx, started) = mpsc::channel();
    let held_gate = gate.clone();
    let first = salted
        .submit_salted(&"hot", a, move || {
            started_tx.send(()).unwrap();
            held_gate.pass();
            "first"
        })
        .unwrap();
    started.recv_timeout(HANG).expect("the first task starts");
    let second = salted.submit_salted(&"hot", b, || "second").unwrap();
    assert_eq!(second.join(), Ok("second"));
    assert!(!first.is_finished(), "the later task finished first");
    gate.open();
    assert_eq!(first.join(), Ok("first"));
    plain.shutdown().unwrap();
    salted.shutdown().unwrap();
}

#[test]
fn worker_for_is_stable_and_matches_the_routing_function() {
    let (a, b) = (pool(4, 8), pool(4, 8));
    for k in 0..2_000_u64 {
        let key = format!("user-{k}");
        let want = worker_for(&key, 4);
        assert_eq!(a.worker_for(&key), want, "{key}");
        assert_eq!(b.worker_for(&key), want, "{key}: another pool");
        assert_eq!(a.worker_for(&key), want, "{key}: asked again");
        assert_eq!(b.worker_for(&k), worker_for(&k, 4), "{k}_u64");
    }
    // Golden values: routing is FNV-1a then jump hash, fixed forever, so
    // the same in every process and every build (a seeded std hasher would
    // fail here).
    assert_eq!(stable_hash(&"user-42"), 0x7dba_a1e2_3281_c65c);
    let golden = ["key-0", "key-1", "key-2", "key-3"].map(|key| a.worker_for(&key));
    assert_eq!(golden, [1, 2, 3, 2]);
    a.shutdown().unwrap();
    b.shutdown().unwrap();
}

#[test]
fn resize_and_build_errors_are_typed() {
    let pool = Executor::builder()
        .workers(2)
        .max_workers(4)
        .build_partitioned()
        .unwrap();
    assert!(matches!(pool.resize(0), Err(ResizeError::ZeroWorkers)));
    assert!(matches!(
        pool.resize(5),
        Err(ResizeError::AboveMax {
            requested: 5,
            max: 4
        })
    ));
    assert_eq!(pool.active_workers(), 2, "a refused resize changes nothing");
    pool.resize(4).unwrap();
    assert_eq!(pool.active_workers(), 4);
    pool.shutdown().unwrap();
    assert!(matches!(pool.resize(3), Err(ResizeError::ShuttingDown)));
    assert_eq!(pool.active_workers(), 4);

    // The default bound is twice the starting workers.
    let pool = Executor::builder().workers(3).build_partitioned().unwrap();
    pool.resize(6).unwrap();
    let above = pool.resize(7);
    assert!(matches!(
        above,
        Err(ResizeError::AboveMax {
            requested: 7,
            max: 6
        })
    ));
    pool.shutdown().unwrap();

    let caller_runs = Executor::builder()
        .policy(RejectionPolicy::CallerRuns)
        .build_partitioned();
    assert!(matches!(
        caller_runs,
        Err(BuildError::CallerRunsBreaksOrder)
    ));
    let below = Executor::builder()
        .workers(4)
        .max_workers(3)
        .build_partitioned();
    assert!(matches!(
        below,
        Err(BuildError::MaxBelowWorkers { workers: 4, max: 3 })
    ));
    let zero = Executor::builder().workers(0).build_partitioned();
    assert!(matches!(zero, Err(BuildError::ZeroWorkers)));
}

#[test]
fn growing_8_to_9_workers_moves_about_a_ninth_of_keys() {
    const KEYS: usize = 10_000;
    let pool = Executor::builder()
        .workers(8)
        .max_workers(9)
        .build_partitioned()
        .unwrap();
    let keys: Vec<String> = (0..KEYS).map(|k| format!("account-{k}")).collect();
    // ANCHOR: resize_moves_a_ninth
    let before: Vec<usize> = keys.iter().map(|key| pool.worker_for(key)).collect();
    pool.resize(9).unwrap();
    let after: Vec<usize> = keys.iter().map(|key| pool.worker_for(key)).collect();
    let moved = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    let jump = moved as f64 / KEYS as f64;
    let modulo = keys
        .iter()
        .map(stable_hash)
        .filter(|hash| hash % 8 != hash % 9)
        .count() as f64
        / KEYS as f64;
    println!(
        "8 -> 9 workers, {KEYS} keys: jump hash (the pool) moved {jump:.4} \
         (1/9 = {:.4}); modulo would move {modulo:.4} (8/9 = {:.4})",
        1.0 / 9.0,
        8.0 / 9.0
    );
    assert!((0.08..0.15).contains(&jump), "moved {jump}");
    assert!(modulo > 0.8, "modulo moved only {modulo}");
    // Only the new worker takes keys over; no key moves between old ones.
    for ((key, &b), &a) in keys.iter().zip(&before).zip(&after) {
        assert!(a == b || a == 8, "{key} moved {b} -> {a}");
    }
    // ANCHOR_END: resize_moves_a_ninth
    pool.shutdown().unwrap();
}
