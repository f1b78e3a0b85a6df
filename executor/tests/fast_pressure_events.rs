//! Subscribing to a fast pool's pressure transitions, on real threads: the
//! watcher finds changes by itself, delivers outside every lock (the
//! subscriber may look again), survives a panicking subscriber, refuses a
//! shutdown from the subscriber, reports a hot partition both ways, and a
//! zero period is refused. (Once each and in order under every
//! interleaving: `fast_pressure_events_once_in_order` in `verification`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

use common::gate::gated;
use executor::{
    BuildError, FastExecutor, FastPartitionedExecutor, Level, LifecycleError, PressureConfig,
    PressureEvent, Scope,
};

const HOUR: Duration = Duration::from_secs(3600);

/// The pool's level changes in `events`.
fn pool_levels(events: &[PressureEvent]) -> Vec<Level> {
    events
        .iter()
        .filter_map(|e| match e {
            PressureEvent::Level {
                scope: Scope::Pool,
                to,
                ..
            } => Some(*to),
            _ => None,
        })
        .collect()
}

/// Guarantee: the watcher looks by itself, every period: with nobody
/// else looking, the subscriber hears the rise, and the fall at shutdown.
#[test]
fn the_watcher_finds_changes_by_itself() {
    let (tx, heard) = channel::<PressureEvent>();
    let tx = Mutex::new(tx);
    let pool = FastExecutor::builder()
        .workers(1)
        .capacity(4)
        .pressure(PressureConfig::watermarks(1, 3))
        .on_pressure(Duration::from_millis(1), move |e| {
            let _ = tx.lock().unwrap().send(*e);
        })
        .build()
        .unwrap();
    let (open, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    for _ in 0..3 {
        pool.execute(|| ()).unwrap();
    }
    let rise = heard.recv().unwrap(); // no look of ours: the watcher's
    assert!(
        matches!(
            rise,
            PressureEvent::Level {
                to: Level::Elevated,
                depth: 3,
                ..
            }
        ),
        "{rise}"
    );
    open.open();
    pool.shutdown().unwrap();
    let rest: Vec<PressureEvent> = heard.try_iter().collect();
    assert_eq!(pool_levels(&rest), [Level::Normal], "{rest:?}");
}

/// Guarantee: events are delivered outside every lock (the subscriber may
/// look at the pool itself), a subscriber's panic ends neither the
/// watcher nor later deliveries, and a shutdown from the subscriber is
/// refused with `FromWorker` rather than joining the watcher from itself.
#[test]
fn the_subscriber_may_look_panic_and_not_shut_down() {
    let slot: Arc<OnceLock<Weak<FastExecutor>>> = Arc::new(OnceLock::new());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (s, log) = (slot.clone(), seen.clone());
    let pool = Arc::new(
        FastExecutor::builder()
            .workers(1)
            .capacity(4)
            .pressure(PressureConfig::watermarks(1, 3))
            .on_pressure(HOUR, move |e| {
                let pool = s
                    .get()
                    .and_then(Weak::upgrade)
                    .expect("set before any look");
                let again = pool.pressure().pool; // would deadlock under the lock
                let refused = pool.shutdown();
                log.lock().unwrap().push((*e, again, refused));
                if let PressureEvent::Level {
                    to: Level::Elevated,
                    ..
                } = e
                {
                    panic!("a subscriber's bug");
                }
            })
            .build()
            .unwrap(),
    );
    slot.set(Arc::downgrade(&pool)).unwrap();
    let (open, running, task) = gated();
    pool.execute(task).unwrap();
    running.recv().unwrap();
    (0..3).for_each(|_| pool.execute(|| ()).unwrap());
    assert_eq!(pool.pressure().pool, Level::Elevated);
    open.open();
    pool.shutdown().unwrap();
    let seen = seen.lock().unwrap();
    let levels: Vec<Level> = seen
        .iter()
        .filter_map(|(e, _, _)| match e {
            PressureEvent::Level { to, .. } => Some(*to),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels,
        [Level::Elevated, Level::Normal],
        "the panic ended nothing"
    );
    for (_, _, refused) in seen.iter() {
        assert!(
            matches!(refused, Err(LifecycleError::FromWorker { thread }) if thread == "fast-pressure"),
            "{refused:?}"
        );
    }
}

/// Guarantee: in a partitioned pool each lane is a scope of its own, and a
/// lane saturated beside a normal one is reported hot, then no longer hot.
#[test]
fn a_hot_partition_is_reported_both_ways() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let pool = FastPartitionedExecutor::builder()
        .workers(2)
        .capacity(2)
        .pressure(PressureConfig::watermarks(0, 1))
        .on_pressure(HOUR, move |e| log.lock().unwrap().push(*e))
        .build_partitioned()
        .unwrap();
    let key = (0u64..).find(|k| pool.worker_for(k) == 0).unwrap();
    let (open, running, task) = gated();
    pool.execute(&key, task).unwrap();
    running.recv().unwrap();
    pool.execute(&key, || ()).unwrap();
    pool.execute(&key, || ()).unwrap();
    assert_eq!(pool.pressure().hot_lanes(), [0]);
    open.open();
    pool.shutdown().unwrap();
    let hot: Vec<(usize, bool)> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            PressureEvent::HotPartition { lane, hot, .. } => Some((*lane, *hot)),
            _ => None,
        })
        .collect();
    assert_eq!(hot, [(0, true), (0, false)]);
    let lane0 = seen.lock().unwrap().iter().any(|e| {
        matches!(
            e,
            PressureEvent::Level {
                scope: Scope::Lane(0),
                to: Level::Saturated,
                ..
            }
        )
    });
    assert!(lane0, "lane 0's own rise: {:?}", seen.lock().unwrap());
}

/// Guarantee: a watcher that would never sleep is refused before any
/// thread starts.
#[test]
fn a_zero_period_is_refused() {
    let refused = FastExecutor::builder()
        .on_pressure(Duration::ZERO, |_| ())
        .build();
    assert!(matches!(refused, Err(BuildError::ZeroWatchPeriod)));
}
