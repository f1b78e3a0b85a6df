//! The fast core's time signals of pressure, on real threads and a manual
//! clock: queue waits in the manner of CoDel (a spike is not a standing
//! queue, a whole interval above the target is), arrival against service
//! rates read from the counts at each look, and the retry-after hint.
//! (Under the model checkers time stands still; only depth is checked
//! there: `fast_pressure_returns_to_normal`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use std::time::Duration;

use common::gate::gated;
use executor::sync::Std;
use executor::{FastExecutor, FastPartitionedExecutor, Level, ManualClock, PressureConfig};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A one-worker pool of `capacity` with `config`, on a manual clock.
fn one_worker(capacity: usize, config: PressureConfig) -> (FastExecutor, ManualClock<Std>) {
    let clock = ManualClock::<Std>::new();
    let pool = FastExecutor::builder()
        .workers(1)
        .capacity(capacity)
        .pressure(config)
        .clock(clock.clone())
        .build()
        .unwrap();
    (pool, clock)
}

/// Guarantee: waits above the target for a whole interval saturate the
/// pool (a standing queue), one wait above it does not (a spike), and an
/// empty queue is Normal again.
#[test]
fn waits_above_target_for_a_whole_interval_saturate() {
    let mut config = PressureConfig::watermarks(4, 12).target_wait(ms(5), ms(100));
    config.rate_interval = None; // the queue-wait signal alone
    let (pool, clock) = one_worker(16, config);
    let (first, first_running, task) = gated();
    pool.execute(task).unwrap();
    first_running.recv().unwrap();
    let (second, second_running, task) = gated();
    pool.execute(task).unwrap();
    pool.execute(|| ()).unwrap();
    let (third, third_running, task) = gated();
    pool.execute(task).unwrap();
    let last = pool.submit(|| ()).unwrap();
    clock.advance(ms(200));
    first.open(); // the second gate starts having waited 200 ms
    second_running.recv().unwrap();
    assert_eq!(
        pool.pressure().pool,
        Level::Normal,
        "one wait above target is a spike"
    );
    clock.advance(ms(200));
    second.open(); // the next two waited 400 ms: an interval after the first
    third_running.recv().unwrap();
    let standing = pool.pressure();
    assert_eq!(
        (standing.pool, standing.lanes[0].depth),
        (Level::Saturated, 1),
        "a standing queue saturates whatever its depth: {standing:?}"
    );
    third.open();
    last.join().unwrap();
    assert_eq!(pool.pressure().pool, Level::Normal, "drained");
    pool.shutdown().unwrap();
}

/// Guarantee: arrivals outpacing service elevate the pool until service
/// catches up, with rates read from the counts at each look, and the
/// retry-after hint is what is queued at the measured service rate.
#[test]
fn arrivals_outpacing_service_elevate_and_retry_after_follows_service() {
    let config = PressureConfig::watermarks(4, 12)
        .target_wait(Duration::from_secs(60), Duration::from_secs(1));
    let (pool, clock) = one_worker(64, config);
    let (open, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    let queued: Vec<_> = (0..8).map(|_| pool.submit(|| ()).unwrap()).collect();
    let early = pool.pressure();
    assert_eq!(
        early.pool,
        Level::Normal,
        "8 queued: under the high mark, no interval yet"
    );
    clock.advance(Duration::from_secs(1));
    let outpaced = pool.pressure(); // closes the first interval: 9 arrived, none served
    assert_eq!(outpaced.pool, Level::Elevated, "{outpaced:?}");
    assert!(outpaced.arrival_rate > 0.0 && outpaced.service_rate == 0.0);
    assert_eq!(outpaced.retry_after, None, "no service rate measured yet");
    open.open();
    queued.into_iter().for_each(|t| t.join().unwrap());
    clock.advance(Duration::from_secs(1));
    let (open, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    let waiting = pool.submit(|| ()).unwrap();
    let caught_up = pool.pressure(); // closes the second: 2 arrived, 9 served
    assert_eq!(
        caught_up.pool,
        Level::Normal,
        "service caught up: {caught_up:?}"
    );
    assert!(
        caught_up.service_rate > caught_up.arrival_rate,
        "{caught_up:?}"
    );
    let expected = Duration::from_secs_f64(1.0 / caught_up.service_rate);
    assert_eq!(
        caught_up.retry_after,
        Some(expected),
        "one queued at the service rate"
    );
    open.open();
    waiting.join().unwrap();
    pool.shutdown().unwrap();
}

/// Guarantee: in a partitioned pool each lane has its own queue-wait
/// signal, fed by its own worker: a standing queue on one lane saturates
/// that lane, and beside an idle lane it is a hot partition.
#[test]
fn a_lane_with_a_standing_queue_is_a_hot_partition() {
    let mut config = PressureConfig::watermarks(4, 12).target_wait(ms(5), ms(100));
    config.rate_interval = None;
    let clock = ManualClock::<Std>::new();
    let pool = FastPartitionedExecutor::builder()
        .workers(2)
        .capacity(16)
        .pressure(config)
        .clock(clock.clone())
        .build_partitioned()
        .unwrap();
    let key = (0u64..).find(|k| pool.worker_for(k) == 0).unwrap();
    let (first, first_running, task) = gated();
    pool.execute(&key, task).unwrap();
    first_running.recv().unwrap();
    let (second, second_running, task) = gated();
    pool.execute(&key, task).unwrap();
    let (third, third_running, task) = gated();
    pool.execute(&key, task).unwrap();
    let last = pool.submit(&key, || ()).unwrap();
    clock.advance(ms(200));
    first.open();
    second_running.recv().unwrap();
    clock.advance(ms(200));
    second.open();
    third_running.recv().unwrap();
    let p = pool.pressure();
    assert_eq!(
        (p.lanes[0].level, p.lanes[1].level),
        (Level::Saturated, Level::Normal),
        "{p:?}"
    );
    assert_eq!(p.hot_lanes(), [0]);
    third.open();
    last.join().unwrap();
    assert!(pool.pressure().hot_lanes().is_empty());
    pool.shutdown().unwrap();
}
