//! Guarantees of the fast core's operating signals, read without a lock:
//! the pressure level follows depth with hysteresis and returns to Normal
//! after a drain, whoever looks; a stuck task is reported from the
//! heartbeat its worker writes, and no longer once it returns; a heartbeat
//! read races its writes and still sees one whole write. Time passes only
//! when the scenario moves its manual clock.

use super::support::{Latch, gated};
use core::time::Duration;
use executor::fast::Heartbeat;
use executor::sync::{Arc, Backend, thread};
use executor::{
    FastBuilder, FastPartitionedPool, FastPool, Level, ManualClock, PressureConfig,
    PressureSnapshot, TaskId,
};

/// Normal at or below 1, Elevated from 3, Saturated at 4 (full).
const LOW: usize = 1;
const HIGH: usize = 3;
const FULL: usize = 4;

/// What any one look must show, whatever raced it: a level its own depth
/// allows (Saturated needs the high mark, Elevated a depth above the low
/// one and below full, Normal a depth below the high mark).
fn allowed(p: &PressureSnapshot) {
    let lane = p.lanes[0];
    let fits = match lane.level {
        Level::Saturated => lane.depth >= HIGH,
        Level::Elevated => LOW < lane.depth && lane.depth < FULL,
        Level::Normal => lane.depth < HIGH,
    };
    assert!(fits, "level {} at depth {}: {p:?}", lane.level, lane.depth);
    assert_eq!(p.pool, lane.level, "a shared pool's one lane is the pool");
}

// ANCHOR: fast_pressure_returns_to_normal
/// One worker held by a task; four more fill the ring step by step; then
/// two of them hold the worker in turn while the queue drains. The level
/// rises at the marks, stays Saturated at depth 3 on the way down (inside
/// the band), falls to Elevated below the high mark, and is Normal once
/// drained; a second thread's look races the drain and sees a level its
/// own depth allows.
pub fn fast_pressure_returns_to_normal<B: Backend>() {
    returns_to_normal(FastPool::<B>::builder().pressure(PressureConfig::watermarks(LOW, HIGH)));
}

/// The same with queue waits and rates watched: the looks move the gauges
/// under their own lock while the worker samples its waits under its own.
/// The clock stands still, so depth alone sets the levels, and they must
/// be the same.
pub fn fast_timed_pressure_returns_to_normal<B: Backend>() {
    let waits = PressureConfig::watermarks(LOW, HIGH)
        .target_wait(Duration::from_millis(5), Duration::from_millis(100));
    returns_to_normal(
        FastPool::<B>::builder()
            .pressure(waits)
            .clock(ManualClock::<B>::new()),
    );
}

/// The run both scenarios share, on a pool from `builder`.
fn returns_to_normal<B: Backend>(builder: FastBuilder<B>) {
    let pool = Arc::<B, _>::new(builder.workers(1).capacity(FULL).build().unwrap());
    let level = |pool: &FastPool<B>| {
        let p = pool.pressure();
        allowed(&p);
        (p.lanes[0].depth, p.pool)
    };
    let gates: Vec<_> = (0..3)
        .map(|_| (Latch::<B>::shared(), Latch::<B>::shared()))
        .collect();
    let held = |i: usize| gated(&gates[i].0, &gates[i].1);
    let mut tasks = vec![pool.submit(held(0)).unwrap()];
    gates[0].0.wait();
    tasks.push(pool.submit(held(1)).unwrap());
    tasks.push(pool.submit(held(2)).unwrap());
    let mut up = Vec::new();
    up.push(level(&pool));
    tasks.push(pool.submit(|| ()).unwrap());
    up.push(level(&pool));
    tasks.push(pool.submit(|| ()).unwrap());
    up.push(level(&pool));
    assert_eq!(
        up,
        [
            (2, Level::Normal),
            (3, Level::Elevated),
            (4, Level::Saturated)
        ],
        "rising"
    );
    gates[0].1.set();
    gates[1].0.wait();
    assert_eq!(
        level(&pool),
        (3, Level::Saturated),
        "inside the band on the way down"
    );
    gates[1].1.set();
    gates[2].0.wait();
    assert_eq!(level(&pool), (2, Level::Elevated), "below the high mark");
    let racing = pool.clone();
    let looker = thread::spawn::<B, _, _>("looker".into(), move || {
        allowed(&racing.pressure());
    })
    .unwrap();
    gates[2].1.set();
    for task in tasks {
        task.join().unwrap();
    }
    looker.join().unwrap();
    assert_eq!(level(&pool), (0, Level::Normal), "drained");
}
// ANCHOR_END: fast_pressure_returns_to_normal

const BOUND: Duration = Duration::from_secs(5);

// ANCHOR: fast_stuck_task_reported
/// A partitioned fast pool of one worker runs a task that waits for a
/// latch; a second task of its key queues behind it. Ten seconds later the
/// health report names the task, its worker and the one task held up;
/// once it returns, nothing is stuck and both count as processed.
pub fn fast_stuck_task_reported<B: Backend>() {
    let clock = ManualClock::<B>::new();
    let pool: FastPartitionedPool<B> = FastPool::<B>::builder()
        .workers(1)
        .clock(clock.clone())
        .timed()
        .build_partitioned()
        .unwrap();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let hung = pool.submit(&"k", gated(&started, &release)).unwrap();
    let behind = pool.submit(&"k", || ()).unwrap();
    started.wait();
    clock.advance(BOUND * 2);
    let health = pool.health(BOUND);
    let stuck: Vec<(TaskId, usize, Duration, usize)> = health
        .stuck
        .iter()
        .map(|s| (s.task, s.worker, s.running_for, s.queued_behind))
        .collect();
    assert_eq!(
        stuck,
        vec![(hung.id(), pool.worker_for(&"k"), BOUND * 2, 1)],
        "the stuck task, its worker and the task behind it: {health:?}"
    );
    release.set();
    hung.join().unwrap();
    behind.join().unwrap();
    // The worker marks itself idle before a handle resolves: joined, both
    // are done, however long ago.
    clock.advance(BOUND * 2);
    let after = pool.health(BOUND);
    assert!(after.stuck.is_empty(), "it returned, yet {after:?}");
    assert_eq!(after.workers[0].running, None, "{after:?}");
    let processed: u64 = after.workers.iter().map(|w| w.processed).sum();
    assert_eq!(processed, 2, "{after:?}");
    pool.shutdown().unwrap();
}
// ANCHOR_END: fast_stuck_task_reported

// ANCHOR: fast_heartbeat_reads_whole
/// A worker's heartbeat starts task 1 and finishes it, each at its own
/// time, while another thread reads it: the read is one of the three
/// states the worker wrote, never task 1 with the idle time before it, nor
/// idle with task 1's time. (The seqlock that `health` reads each worker
/// through.)
pub fn fast_heartbeat_reads_whole<B: Backend>() {
    let second = |s: u64| Duration::from_secs(s);
    let beat = Arc::<B, _>::new(Heartbeat::<B>::new(Duration::ZERO));
    let worker = beat.clone();
    let writer = thread::spawn::<B, _, _>("fast-worker-0".into(), move || {
        worker.started(TaskId(1), second(1));
        worker.finished(second(2));
    })
    .unwrap();
    let whole = [
        (None, second(0)),
        (Some((TaskId(1), second(1))), second(1)),
        (None, second(2)),
    ];
    let read = beat.read();
    writer.join().unwrap();
    assert!(whole.contains(&read), "a torn read: {read:?}");
    assert_eq!(
        beat.read(),
        whole[2],
        "the last write, once the writer is done"
    );
}
// ANCHOR_END: fast_heartbeat_reads_whole
