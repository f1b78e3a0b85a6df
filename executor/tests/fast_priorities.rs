//! Priorities on the fast core, on real threads: the order of the levels,
//! the aging bound under a long run of urgent work, a submitter blocked on
//! a full level, many submitters and workers on every level, what the
//! observers report, and the refusals. (The interleavings are the model
//! checkers' job: `fast_low_priority_not_starved` in `verification`.)
// Real threads only: std's primitives drive the pool from outside.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use executor::{BuildError, FastExecutor, FastPartitionedExecutor, Level, Priority, RejectReason};

/// A one-worker pool with levels, its worker held by a task until the
/// returned sender is used (or dropped), and a log the tasks write.
fn held_pool(aging: usize, capacity: usize) -> (FastExecutor, Sender<()>, Arc<Mutex<Vec<String>>>) {
    let pool = FastExecutor::builder()
        .workers(1)
        .capacity(capacity)
        .priorities(aging)
        .build()
        .unwrap();
    let (release, held) = channel::<()>();
    let (started, running) = channel::<()>();
    pool.execute_at(Priority::Normal, move || {
        started.send(()).unwrap();
        let _ = held.recv();
    })
    .unwrap();
    running.recv().unwrap();
    (pool, release, Arc::new(Mutex::new(Vec::new())))
}

/// Queues a task at `priority` that logs `name`.
fn logged(pool: &FastExecutor, log: &Arc<Mutex<Vec<String>>>, priority: Priority, name: &str) {
    let (log, name) = (log.clone(), name.to_owned());
    pool.execute_at(priority, move || log.lock().unwrap().push(name))
        .unwrap();
}

/// Guarantee: the highest level waiting runs first, FIFO within a level
/// (with an aging bound no run here reaches).
#[test]
fn the_highest_level_runs_first_fifo_within_each() {
    let (pool, release, log) = held_pool(100, 8);
    for (priority, name) in [
        (Priority::Low, "low 1"),
        (Priority::Normal, "normal 1"),
        (Priority::High, "high 1"),
        (Priority::Low, "low 2"),
        (Priority::High, "high 2"),
        (Priority::Normal, "normal 2"),
    ] {
        logged(&pool, &log, priority, name);
    }
    release.send(()).unwrap();
    pool.shutdown().unwrap();
    let order = log.lock().unwrap().clone();
    assert_eq!(
        order,
        ["high 1", "high 2", "normal 1", "normal 2", "low 1", "low 2"]
    );
}

/// Guarantee: under a long run of high-priority work, a low task at the
/// head of its level runs after exactly `aging` high ones (one worker),
/// and so does a normal one: each level ages on its own count.
#[test]
fn aging_bounds_how_long_a_head_is_passed_over() {
    let (pool, release, log) = held_pool(3, 16);
    logged(&pool, &log, Priority::Low, "low");
    logged(&pool, &log, Priority::Normal, "normal");
    for i in 0..10 {
        logged(&pool, &log, Priority::High, &format!("high {i}"));
    }
    release.send(()).unwrap();
    pool.shutdown().unwrap();
    let order = log.lock().unwrap().clone();
    let at = |name: &str| order.iter().position(|n| n == name).unwrap();
    // Three highs pass both heads; then the lowest aged level goes first.
    assert_eq!((at("low"), at("normal")), (3, 4), "{order:?}");
    assert_eq!(order.len(), 12);
}

/// Guarantee: each head waits its own bound: the low task behind one that
/// just aged starts counting afresh, so two lows are spread out, never
/// run back to back while high work waits.
#[test]
fn the_next_head_waits_its_own_bound() {
    let (pool, release, log) = held_pool(2, 16);
    logged(&pool, &log, Priority::Low, "low 1");
    logged(&pool, &log, Priority::Low, "low 2");
    for i in 0..6 {
        logged(&pool, &log, Priority::High, &format!("high {i}"));
    }
    release.send(()).unwrap();
    pool.shutdown().unwrap();
    let order = log.lock().unwrap().clone();
    let lows: Vec<usize> = order
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.starts_with("low").then_some(i))
        .collect();
    assert_eq!(lows, [2, 5], "two highs before each low: {order:?}");
}

/// Guarantee: a submitter blocked on a full level is woken when a task of
/// that level is taken, whatever the other levels hold.
#[test]
fn a_submitter_blocked_on_a_full_level_wakes() {
    let (pool, release, log) = held_pool(4, 2);
    let pool = Arc::new(pool);
    logged(&pool, &log, Priority::High, "high 1");
    logged(&pool, &log, Priority::High, "high 2");
    // The Low level still has room: a full level does not fill the pool.
    logged(&pool, &log, Priority::Low, "low");
    let blocked = {
        let (pool, log) = (pool.clone(), log.clone());
        thread::spawn(move || logged(&pool, &log, Priority::High, "high 3"))
    };
    release.send(()).unwrap();
    blocked.join().unwrap();
    pool.shutdown().unwrap();
    assert_eq!(log.lock().unwrap().len(), 4);
    assert_eq!(pool.metrics().completed, 5);
}

/// Guarantee: with several workers and submitters on every level, every
/// task runs exactly once and the workers all leave at the shutdown.
#[test]
fn many_submitters_on_every_level_lose_nothing() {
    let pool = Arc::new(
        FastExecutor::builder()
            .workers(3)
            .capacity(16)
            .priorities(2)
            .build()
            .unwrap(),
    );
    let ran = Arc::new(Mutex::new(vec![0u8; 3 * 2_000]));
    let submitters: Vec<_> = [Priority::High, Priority::Normal, Priority::Low]
        .into_iter()
        .enumerate()
        .map(|(s, priority)| {
            let (pool, ran) = (pool.clone(), ran.clone());
            thread::spawn(move || {
                for i in 0..2_000 {
                    let ran = ran.clone();
                    pool.execute_at(priority, move || ran.lock().unwrap()[s * 2_000 + i] += 1)
                        .unwrap();
                }
            })
        })
        .collect();
    submitters.into_iter().for_each(|s| s.join().unwrap());
    pool.shutdown().unwrap();
    assert!(
        ran.lock().unwrap().iter().all(|&n| n == 1),
        "a task ran twice or never"
    );
    let m = pool.metrics();
    assert_eq!(
        (m.accepted, m.completed, m.queued),
        (6_000, 6_000, 0),
        "{m:?}"
    );
}

/// Guarantee: the observers describe the levels: one pressure lane per
/// level (never a hot partition: levels are not partitions), every worker
/// on lane 0, and plain `submit` at Normal.
#[test]
fn observers_see_levels_not_partitions() {
    let (pool, release, log) = held_pool(4, 4);
    for i in 0..4 {
        logged(&pool, &log, Priority::High, &format!("high {i}"));
    }
    let plain = pool.submit(|| "normal").unwrap();
    let pressure = pool.pressure();
    let depths: Vec<usize> = pressure.lanes.iter().map(|l| l.depth).collect();
    assert_eq!(depths, [4, 1, 0], "High full, the plain submit at Normal");
    assert_eq!(pressure.lanes[0].level, Level::Saturated);
    assert!(pressure.lanes.iter().all(|l| !l.hot), "{pressure:?}");
    assert_eq!(pool.health(Duration::from_secs(60)).workers[0].lane, 0);
    release.send(()).unwrap();
    assert_eq!(plain.join().unwrap(), "normal");
    pool.shutdown().unwrap();
}

/// Guarantee: misuse is refused with a typed error: a priority asked of a
/// pool without levels (the task comes back, unrun), a zero aging bound,
/// priorities in a partitioned pool.
#[test]
fn misuse_is_refused() {
    let plain = FastExecutor::new(1, 8).unwrap();
    let refused = plain.submit_at(Priority::Low, || 7).unwrap_err();
    assert_eq!(refused.reason, RejectReason::NoPriorities);
    assert_eq!((refused.task)(), 7);
    assert_eq!(plain.metrics().accepted, 0);
    let zero = FastExecutor::builder().priorities(0).build();
    assert!(matches!(zero, Err(BuildError::ZeroAging)));
    let keyed = FastPartitionedExecutor::builder()
        .priorities(4)
        .build_partitioned();
    assert!(matches!(keyed, Err(BuildError::PrioritiesBreakOrder)));
}
