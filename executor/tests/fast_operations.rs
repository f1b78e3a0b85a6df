//! Operating the fast core on real threads: settings refused with a typed
//! error before any thread starts, a hot partition, and health without a
//! clock. (The model-checked scenarios are `fast_pressure_returns_to_normal`,
//! `fast_stuck_task_reported` and `fast_heartbeat_reads_whole`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::gated;
use common::silence_deliberate_panics;
use executor::sync::Std;
use executor::{BuildError, FastExecutor, Level, ManualClock, PressureConfig};
use std::time::Duration;

#[test]
fn settings_that_make_no_pool_or_no_bands_are_refused_before_a_thread_starts() {
    let build = |workers, capacity, marks: Option<(usize, usize)>| {
        let mut builder = FastExecutor::builder().workers(workers).capacity(capacity);
        if let Some((low, high)) = marks {
            builder = builder.pressure(PressureConfig::watermarks(low, high));
        }
        builder.build().map(drop)
    };
    assert!(matches!(build(0, 8, None), Err(BuildError::ZeroWorkers)));
    assert!(matches!(build(1, 0, None), Err(BuildError::ZeroCapacity)));
    for (low, high) in [(6, 2), (4, 4), (2, 9)] {
        assert!(
            matches!(
                build(1, 8, Some((low, high))),
                Err(BuildError::Watermarks { low: l, high: h, capacity: 8 }) if (l, h) == (low, high)
            ),
            "watermarks ({low}, {high}) over 8 slots"
        );
    }
    assert!(
        build(1, 8, Some((0, 8))).is_ok(),
        "the widest bands are fine"
    );
    let partitioned = FastExecutor::builder()
        .workers(2)
        .capacity(4)
        .pressure(PressureConfig::watermarks(3, 1))
        .build_partitioned();
    assert!(matches!(partitioned, Err(BuildError::Watermarks { .. })));
}

#[test]
fn one_full_lane_beside_an_idle_one_is_a_hot_partition_until_it_drains() {
    let pool = FastExecutor::builder()
        .workers(2)
        .capacity(4)
        .pressure(PressureConfig::watermarks(1, 3))
        .build_partitioned()
        .unwrap();
    let hot_key = (0_u64..).find(|k| pool.worker_for(k) == 0).unwrap();
    let (gate, running, task) = gated();
    let held = pool.submit(&hot_key, task).unwrap();
    running.recv().unwrap();
    let queued: Vec<_> = (0..4)
        .map(|i| pool.submit(&hot_key, move || i).unwrap())
        .collect();
    let p = pool.pressure();
    assert_eq!(
        (p.lanes[0].level, p.lanes[0].depth, p.lanes[1].level),
        (Level::Saturated, 4, Level::Normal),
        "{p:?}"
    );
    assert_eq!(p.hot_lanes(), vec![0], "{p:?}");
    assert_eq!(
        p.pool,
        Level::Normal,
        "4 queued of 8 slots, high mark 6: {p:?}"
    );
    gate.open();
    held.join().unwrap();
    for task in queued {
        task.join().unwrap();
    }
    let p = pool.pressure();
    assert!(
        p.hot_lanes().is_empty() && p.lanes[0].level == Level::Normal,
        "{p:?}"
    );
}

#[test]
fn an_untimed_pool_names_each_running_task_and_counts_failures_but_reports_none_stuck() {
    silence_deliberate_panics();
    let pool = FastExecutor::new(1, 4).unwrap();
    let bad = pool.submit(|| -> u32 { panic!("deliberate") }).unwrap();
    assert!(bad.join().is_err());
    let (gate, running, task) = gated();
    let held = pool.submit(task).unwrap();
    running.recv().unwrap();
    let health = pool.health(Duration::ZERO);
    assert!(!health.timed && health.stuck.is_empty(), "{health:?}");
    let w = health.workers[0];
    assert_eq!(
        (w.processed, w.failed, w.running, w.last_active),
        (1, 1, Some((held.id(), Duration::ZERO)), Duration::ZERO),
        "{health:?}"
    );
    gate.open();
    held.join().unwrap();
    let w = pool.health(Duration::ZERO).workers[0];
    assert_eq!((w.processed, w.running), (2, None), "{w:?}");
}

/// Guarantee: a pool that keeps latency records each task's queue wait
/// (from its stamp to its start) and run time, on the pool's clock, per
/// lane and for the pool.
#[test]
fn latency_measures_the_wait_behind_a_held_task_and_each_run() {
    let clock = ManualClock::<Std>::new();
    let pool = FastExecutor::builder()
        .workers(1)
        .clock(clock.clone())
        .latency_window(Duration::from_secs(600))
        .build_partitioned()
        .unwrap();
    let (gate, running, task) = gated();
    let held = pool.submit(&1, task).unwrap();
    running.recv().unwrap();
    let tick = clock.clone();
    let behind = pool
        .submit(&1, move || tick.advance(Duration::from_millis(20)))
        .unwrap();
    clock.advance(Duration::from_millis(500)); // the held task runs on
    gate.open();
    held.join().unwrap();
    behind.join().unwrap();
    let latency = pool.latency().expect("kept");
    let lane = latency.lanes[0];
    assert_eq!(latency.lanes.len(), 1);
    assert_eq!((lane.queue_wait.count, lane.run_time.count), (2, 2));
    let near =
        |d: Duration, ms: u64| d.abs_diff(Duration::from_millis(ms)) <= Duration::from_millis(6);
    assert!(
        near(lane.queue_wait.max, 500),
        "waited behind the held task: {lane:?}"
    );
    assert!(
        near(lane.run_time.max, 500),
        "the held task ran 500 ms: {lane:?}"
    );
    assert!(
        near(lane.run_time.p50, 20),
        "the task behind ran 20 ms: {lane:?}"
    );
    assert_eq!(latency.pool, lane, "one lane is the pool");
    assert!(FastExecutor::new(1, 4).unwrap().latency().is_none());
}
