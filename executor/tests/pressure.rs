//! The backpressure signal, latency windows and worker health on real
//! threads, with a manual clock so that time passes exactly where a test
//! says: queue waits above target for a whole interval, arrivals outpacing
//! service, a hot partition, a stuck task, misconfiguration.
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::gate::{Gate, gated, hold};
use common::{key_on, silence_deliberate_panics};
use executor::sync::Std;
use executor::{
    BuildError, Cause, Executor, Level, ManualClock, PressureConfig, PressureEvent, Scope,
};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

type Events = Arc<Mutex<Vec<PressureEvent>>>;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A builder on a manual clock whose pressure changes are recorded.
fn recorded(config: PressureConfig) -> (executor::Builder<Std>, ManualClock<Std>, Events) {
    let clock = ManualClock::<Std>::new();
    let events = Events::default();
    let log = events.clone();
    let builder = Executor::builder()
        .clock(clock.clone())
        .pressure(config)
        .on_pressure(move |e| log.lock().unwrap().push(*e));
    (builder, clock, events)
}

/// The pool-scope levels entered, with their causes.
fn levels(events: &Events) -> Vec<(Level, Cause)> {
    events
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match *e {
            PressureEvent::Level {
                scope: Scope::Pool,
                to,
                cause,
                ..
            } => Some((to, cause)),
            _ => None,
        })
        .collect()
}

/// Queues a task that says when it starts, then waits at a gate.
fn queue_gate(pool: &Executor) -> (Arc<Gate>, mpsc::Receiver<()>) {
    let (gate, running, task) = gated();
    pool.execute(task).unwrap();
    (gate, running)
}

#[test]
fn waits_above_target_for_a_whole_interval_saturate_and_one_short_wait_does_not() {
    let mut config = PressureConfig::watermarks(4, 12).target_wait(ms(5), ms(100));
    config.rate_interval = None; // the queue-wait signal alone
    let (builder, clock, events) = recorded(config);
    let pool = builder.workers(1).capacity(16).build().unwrap();
    let (first, _busy) = hold(&pool);
    let (second, second_running) = queue_gate(&pool);
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    clock.advance(ms(200));
    first.open(); // the second gate starts having waited 200 ms: the first sample above
    second_running.recv().unwrap();
    assert_eq!(
        pool.pressure().pool,
        Level::Normal,
        "one wait above target is a spike"
    );
    clock.advance(ms(200));
    second.open(); // the next task waited 400 ms, an interval after the first sample
    pool.wait_idle().unwrap();
    assert_eq!(
        levels(&events),
        [
            (Level::Saturated, Cause::Delay),
            (Level::Normal, Cause::Depth)
        ],
        "a standing queue saturates until the queue drains"
    );
    pool.shutdown().unwrap();
}

#[test]
fn arrivals_outpacing_service_elevate_and_retry_after_follows_the_service_rate() {
    let config = PressureConfig::watermarks(4, 12)
        .target_wait(Duration::from_secs(60), Duration::from_secs(1));
    let (builder, clock, events) = recorded(config);
    let pool = builder.workers(1).capacity(64).build().unwrap();
    let (gate, _busy) = hold(&pool);
    for _ in 0..8 {
        pool.execute(|| ()).unwrap();
    }
    assert_eq!(
        pool.pressure().pool,
        Level::Normal,
        "8 queued: under the high mark"
    );
    clock.advance(Duration::from_secs(1));
    pool.execute(|| ()).unwrap(); // closes the first interval: 9 arrived, none served
    assert_eq!(levels(&events), [(Level::Elevated, Cause::Rate)]);
    assert_eq!(
        pool.pressure().retry_after,
        None,
        "no service rate measured yet"
    );
    gate.open();
    pool.wait_idle().unwrap();
    clock.advance(Duration::from_secs(1));
    let (gate, _busy) = hold(&pool); // closes the second: 1 arrived, 10 served
    pool.execute(|| ()).unwrap();
    let now = pool.pressure();
    assert_eq!(now.pool, Level::Normal, "service caught up: {now:?}");
    assert!(now.service_rate > now.arrival_rate, "{now:?}");
    let expected = Duration::from_secs_f64(1.0 / now.service_rate);
    assert_eq!(
        now.retry_after,
        Some(expected),
        "one queued task at the service rate"
    );
    gate.open();
    pool.shutdown().unwrap();
}

#[test]
fn a_saturated_lane_beside_an_idle_one_is_a_hot_partition() {
    let (builder, _clock, events) = recorded(PressureConfig::watermarks(0, 1));
    let pool = builder.workers(2).capacity(2).build_partitioned().unwrap();
    let hot = key_on(0, 2);
    let (gate, running, task) = gated();
    pool.execute(&hot, task).unwrap();
    running.recv().unwrap();
    pool.execute(&hot, || ()).unwrap();
    pool.execute(&hot, || ()).unwrap();
    let now = pool.pressure();
    assert_eq!(now.hot_lanes(), [0], "{now:?}");
    assert_eq!(now.lanes[0].level, Level::Saturated);
    gate.open();
    pool.wait_idle().unwrap();
    assert!(pool.pressure().hot_lanes().is_empty());
    let hot_events: Vec<_> = events
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match *e {
            PressureEvent::HotPartition { lane, hot, .. } => Some((lane, hot)),
            _ => None,
        })
        .collect();
    assert_eq!(hot_events, [(0, true), (0, false)]);
    pool.shutdown().unwrap();
}

#[test]
fn latency_percentiles_measure_queue_wait_and_run_time_on_the_pool_clock() {
    let clock = ManualClock::<Std>::new();
    let pool = Executor::builder()
        .workers(1)
        .clock(clock.clone())
        .latency_window(Duration::from_secs(60))
        .build()
        .unwrap();
    let (gate, busy) = hold(&pool);
    let queued = pool.submit(|| ()).unwrap();
    clock.advance(ms(50));
    gate.open();
    busy.join().unwrap();
    queued.join().unwrap();
    pool.wait_idle().unwrap();
    let latency = pool.latency().expect("kept: the builder asked").pool;
    assert_eq!((latency.queue_wait.count, latency.run_time.count), (2, 2));
    let close = |d: Duration, to: Duration| d.abs_diff(to) <= to / 50;
    assert!(close(latency.queue_wait.max, ms(50)), "{latency:?}");
    assert!(
        close(latency.run_time.max, ms(50)),
        "the gate task ran 50 ms: {latency:?}"
    );
    assert_eq!(latency.run_time.p50, Duration::ZERO, "{latency:?}");
    pool.shutdown().unwrap();
}

#[test]
fn a_panicking_subscriber_harms_neither_the_pool_nor_later_deliveries() {
    silence_deliberate_panics();
    let calls = Arc::new(Mutex::new(0));
    let seen = calls.clone();
    let pool = Executor::builder()
        .workers(1)
        .capacity(2)
        .pressure(PressureConfig::watermarks(0, 1))
        .on_pressure(move |_| {
            *seen.lock().unwrap() += 1;
            panic!("deliberate panic in a pressure subscriber");
        })
        .build()
        .unwrap();
    for i in 0..3 {
        assert_eq!(pool.submit(move || i).unwrap().join(), Ok(i));
    }
    pool.wait_idle().unwrap();
    assert_eq!(
        *calls.lock().unwrap() % 2,
        0,
        "each rise delivered with its fall"
    );
    assert!(*calls.lock().unwrap() >= 2);
    pool.shutdown().unwrap();
}

#[test]
fn misconfigured_pressure_and_latency_are_build_errors() {
    let inverted = Executor::builder()
        .capacity(8)
        .pressure(PressureConfig::watermarks(6, 2))
        .build();
    assert!(matches!(
        inverted,
        Err(BuildError::Watermarks {
            low: 6,
            high: 2,
            capacity: 8
        })
    ));
    let equal = Executor::builder()
        .capacity(8)
        .pressure(PressureConfig::watermarks(3, 3))
        .build();
    assert!(matches!(equal, Err(BuildError::Watermarks { .. })));
    let above = Executor::builder()
        .capacity(8)
        .pressure(PressureConfig::watermarks(2, 9))
        .build();
    let message = above.unwrap_err().to_string();
    assert!(message.contains("low < high <= capacity"), "{message}");
    let window = Executor::builder()
        .latency_window(Duration::ZERO)
        .build_partitioned();
    assert!(matches!(window, Err(BuildError::ZeroLatencyWindow)));
}
