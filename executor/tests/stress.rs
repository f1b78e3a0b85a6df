//! Stress tests of the production executor on real threads.
//!
//! Four producer threads offer 100 000 tasks in total (mostly blocking
//! `submit`, some `try_submit`), about one task in ten panics, and a separate
//! thread shuts the pool down after a random number of submissions: with
//! `shutdown()` in one test, with `shutdown_now()` (then `shutdown()`) in the
//! other. Every task records, per id, whether it ran on a pool worker or
//! somewhere else. The guarantees guarded:
//!
//! - **Nothing lost**: every accepted task ran exactly once on a worker, or
//!   its handle says `Cancelled` and it is among the tasks `shutdown_now`
//!   returned; every refused submission came back as `Rejected` carrying the
//!   original closure (the test runs it and sees its own id recorded).
//! - **Nothing duplicated**: no id ran twice, and task ids are unique.
//! - **Every handle resolves**: once shutdown has returned, every handle is
//!   already finished (checked before joining, so a bug fails instead of
//!   hanging), and its outcome (value, `Panicked`, `Cancelled`) matches what
//!   the task did.
//! - **Metrics are exact**: the final snapshot is consistent and its counts
//!   equal what the test observed.
//! - **No thread left behind**: after `shutdown()` returns the pool says it
//!   is terminated and, on Linux, no OS thread with the pool's name prefix
//!   is left in `/proc/self/task`.
//!
//! The run is seeded: the seed is printed, and `STRESS_SEED=<n>` replays the
//! same inputs (task kinds, submit methods, shutdown point); the thread
//! interleaving is of course the OS's.
//!
//! The record of runs, the watchdog over the test threads and the `/proc`
//! thread check live in `stress_support/`.

// This test drives the pool from outside with real threads and std
// primitives; it is not code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::*;

#[path = "stress_support/proc_threads.rs"]
mod proc_threads;
#[path = "stress_support/record.rs"]
mod record;
#[path = "stress_support/watchdog.rs"]
mod watchdog;

use proc_threads::assert_no_threads_named;
#[cfg(target_os = "linux")]
use proc_threads::live_threads_named;
use record::{Record, make_task};
use watchdog::{Done, await_threads, join, spawn};

use executor::{Executor, RejectReason, Rejected, TaskError, TaskHandle, TaskId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

const PRODUCERS: usize = 4;
const PER_PRODUCER: usize = 25_000;
const TOTAL: usize = PRODUCERS * PER_PRODUCER;
const WORKERS: usize = 2;
const CAPACITY: usize = 512;
/// Share of tasks that panic.
const PANIC_RATE: f64 = 0.1;
/// Share of submissions made with `try_submit` (which can be refused `Full`).
const TRY_RATE: f64 = 0.2;

/// The seed: `STRESS_SEED` if set, otherwise fresh from the clock.
fn seed() -> u64 {
    let seed = std::env::var("STRESS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock after 1970");
            now.as_nanos() as u64
        });
    println!("stress seed = {seed} (replay the inputs with STRESS_SEED={seed})");
    seed
}

/// How the separate thread shuts the pool down.
#[derive(Clone, Copy, Debug)]
enum How {
    Graceful,
    Now,
}

/// What one producer saw.
#[derive(Default)]
struct Produced {
    accepted: Vec<(u64, TaskHandle<executor::sync::Std, u64>)>,
    full: u64,
    shutting_down: u64,
}

fn stress(how: How, prefix: &'static str) {
    silence_deliberate_panics();
    let seed = seed();
    let mut rng = StdRng::seed_from_u64(seed);
    let panics: Arc<Vec<bool>> = Arc::new((0..TOTAL).map(|_| rng.gen_bool(PANIC_RATE)).collect());
    // Shut down once this many submissions have returned (1..=TOTAL).
    let trigger = rng.gen_range(1..=TOTAL);
    println!("{how:?}: shutdown after {trigger} of {TOTAL} submissions");

    let pool = Executor::builder()
        .workers(WORKERS)
        .capacity(CAPACITY)
        .name_prefix(prefix)
        .build()
        .expect("build pool");
    let pool = Arc::new(pool);
    let record = Arc::new(Record::new(TOTAL, prefix));
    let submissions = Arc::new(AtomicUsize::new(0));
    let (go, shutdown_signal) = mpsc::channel::<()>();
    let (done_tx, done) = mpsc::channel::<()>();

    let shutter = {
        let pool = pool.clone();
        let done = Done(done_tx.clone());
        spawn("stress-shutter", move || {
            let _done = done;
            // Blocks until the trigger submission has returned; an Err means
            // every producer is gone, which cannot happen before the trigger.
            let _ = shutdown_signal.recv();
            let unstarted = match how {
                How::Graceful => Vec::new(),
                How::Now => pool.shutdown_now(),
            };
            pool.shutdown().expect("shutdown from a non-worker thread");
            assert!(pool.is_terminated(), "terminated once shutdown() returned");
            assert_no_threads_named(prefix);
            unstarted
        })
    };
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let pool = pool.clone();
            let submissions = submissions.clone();
            let go = go.clone();
            let done = Done(done_tx.clone());
            let record = record.clone();
            let panics = panics.clone();
            let mut rng = StdRng::seed_from_u64(seed.wrapping_add(1 + p as u64));
            spawn(&format!("stress-p{p}"), move || {
                let _done = done;
                let mut out = Produced::default();
                for i in 0..PER_PRODUCER {
                    let id = (p * PER_PRODUCER + i) as u64;
                    let panics = panics[id as usize];
                    let task = make_task(id, panics, record.clone());
                    let result = if rng.gen_bool(TRY_RATE) {
                        pool.try_submit(task)
                    } else {
                        pool.submit(task)
                    };
                    if submissions.fetch_add(1, Ordering::SeqCst) + 1 == trigger {
                        go.send(()).expect("shutdown thread waits for the signal");
                    }
                    match result {
                        Ok(handle) => out.accepted.push((id, handle)),
                        Err(Rejected { task, reason }) => {
                            match reason {
                                RejectReason::Full => out.full += 1,
                                RejectReason::ShuttingDown => out.shutting_down += 1,
                                RejectReason::Failed => {
                                    panic!("the pool failed, yet no worker may die here")
                                }
                                RejectReason::NoPriorities => {
                                    panic!("no priority was asked for")
                                }
                            }
                            // The original closure came back: running it
                            // records this very id (checked at the end).
                            match catch_unwind(AssertUnwindSafe(task)) {
                                Ok(value) => {
                                    assert!(!panics, "task {id} should have panicked");
                                    assert_eq!(value, id, "rejected closure is task {id}");
                                }
                                Err(_) => assert!(panics, "task {id} panicked unexpectedly"),
                            }
                        }
                    }
                }
                out
            })
        })
        .collect();
    drop((go, done_tx));
    await_threads(&done, PRODUCERS + 1);
    let produced: Vec<Produced> = producers.into_iter().map(join).collect();
    let unstarted = join(shutter);

    // Everything below runs after shutdown returned and every producer left.
    assert!(pool.is_shutdown());
    assert!(pool.is_terminated());
    assert_no_threads_named(prefix);

    let mut full = 0;
    let mut shutting_down = 0;
    let mut handles = Vec::new();
    for p in produced {
        full += p.full;
        shutting_down += p.shutting_down;
        handles.extend(p.accepted);
    }

    // Run the tasks shutdown_now handed back: each is the original closure.
    let task_to_id: HashMap<TaskId, u64> = handles.iter().map(|(id, h)| (h.id(), *id)).collect();
    assert_eq!(task_to_id.len(), handles.len(), "task ids are unique");
    assert!(
        unstarted.len() <= CAPACITY,
        "shutdown_now returned {} tasks from a queue of capacity {CAPACITY}",
        unstarted.len()
    );
    let mut unstarted_ids = HashSet::new();
    for job in unstarted {
        let tid = job.id();
        let id = *task_to_id
            .get(&tid)
            .unwrap_or_else(|| panic!("shutdown_now returned {tid}, which no handle has"));
        assert!(
            unstarted_ids.insert(tid),
            "shutdown_now returned {tid} twice"
        );
        let completed = job.run();
        assert_eq!(
            completed, !panics[id as usize],
            "unstarted task {id} behaved as itself"
        );
    }

    // Every handle is already resolved: joining cannot hang.
    let unresolved: Vec<u64> = handles
        .iter()
        .filter(|(_, h)| !h.is_finished())
        .map(|(id, _)| *id)
        .collect();
    assert!(
        unresolved.is_empty(),
        "{} handles unresolved after shutdown, e.g. tasks {:?}",
        unresolved.len(),
        &unresolved[..unresolved.len().min(10)]
    );

    let (mut ok, mut panicked, mut cancelled) = (0u64, 0u64, 0u64);
    let mut accepted_ids = HashSet::new();
    for (id, handle) in handles {
        let tid = handle.id();
        accepted_ids.insert(id);
        match handle.join() {
            Ok(value) => {
                ok += 1;
                assert_eq!(value, id, "task {id} returned its id");
                assert!(!panics[id as usize], "task {id} should have panicked");
                assert_eq!(record.on_worker(id), 1, "task {id} ran once on a worker");
            }
            Err(TaskError::Panicked { id: pid, message }) => {
                panicked += 1;
                assert_eq!(pid, tid);
                assert!(message.starts_with("deliberate"), "task {id}: {message}");
                assert!(panics[id as usize], "task {id} panicked unexpectedly");
                assert_eq!(record.on_worker(id), 1, "task {id} ran once on a worker");
            }
            Err(TaskError::Cancelled(cid)) => {
                cancelled += 1;
                assert_eq!(cid, tid);
                assert!(
                    unstarted_ids.contains(&tid),
                    "task {id} cancelled but not returned by shutdown_now"
                );
                assert_eq!(
                    record.on_worker(id),
                    0,
                    "cancelled task {id} never ran on a worker"
                );
            }
            Err(other) => panic!("task {id}: unexpected outcome {other:?}"),
        }
    }
    assert_eq!(
        cancelled,
        unstarted_ids.len() as u64,
        "every returned task is cancelled"
    );
    if matches!(how, How::Graceful) {
        assert_eq!(cancelled, 0, "graceful shutdown runs every accepted task");
    }

    // ANCHOR: per_id_check
    // Per id: exactly one run in all, on a worker iff accepted and not cancelled.
    for id in 0..TOTAL as u64 {
        let runs = (record.on_worker(id), record.elsewhere(id));
        assert!(
            runs == (1, 0) || runs == (0, 1),
            "task {id} ran {} times on workers and {} times elsewhere",
            runs.0,
            runs.1
        );
        if !accepted_ids.contains(&id) {
            assert_eq!(
                runs,
                (0, 1),
                "rejected task {id} came back and ran only here"
            );
        }
    }
    // ANCHOR_END: per_id_check

    // Task ids count the accepted tasks from 0.
    let mut tids: Vec<u64> = task_to_id.keys().map(|t| t.0).collect();
    tids.sort_unstable();
    assert!(
        tids.iter().copied().eq(0..tids.len() as u64),
        "task ids are 0..accepted"
    );

    // ANCHOR: final_metrics
    let m = pool.metrics();
    println!(
        "{how:?}: accepted {} (ok {ok}, panicked {panicked}, cancelled {cancelled}), \
         rejected full {full}, shutting down {shutting_down}",
        accepted_ids.len()
    );
    assert!(m.is_consistent(), "final metrics inconsistent: {m:?}");
    assert_eq!(m.submitted, TOTAL as u64, "{m:?}");
    assert_eq!(m.accepted, accepted_ids.len() as u64, "{m:?}");
    assert_eq!(m.rejected, full + shutting_down, "{m:?}");
    assert_eq!(m.completed, ok, "{m:?}");
    assert_eq!(m.failed, panicked, "{m:?}");
    assert_eq!(m.cancelled, cancelled, "{m:?}");
    assert_eq!(
        (m.discarded, m.queued, m.running, m.caller_ran),
        (0, 0, 0, 0),
        "{m:?}"
    );
    // ANCHOR_END: final_metrics
}

/// Graceful shutdown under load: every accepted task runs, nothing is lost,
/// duplicated or left hanging, and no worker thread outlives `shutdown()`.
#[test]
fn graceful_shutdown_under_load() {
    stress(How::Graceful, "stress-wg");
}

/// Immediate shutdown under load: the tasks `shutdown_now` returns are
/// exactly the ones whose handles say `Cancelled`; everything else as above.
#[test]
fn shutdown_now_under_load() {
    stress(How::Now, "stress-wn");
}

/// The `/proc` thread check is not vacuous: it sees every worker while the
/// pool lives, and none once `shutdown()` has returned.
#[cfg(target_os = "linux")]
#[test]
fn proc_check_sees_live_workers() {
    const PREFIX: &str = "stress-wv";
    let pool = Executor::builder()
        .workers(WORKERS)
        .capacity(CAPACITY)
        .name_prefix(PREFIX)
        .build()
        .expect("build pool");
    // A worker names its thread before it runs anything. Each of these tasks
    // holds its worker at the barrier, so all of them running at once (the
    // barrier opening) means every worker has started and is named.
    let barrier = Arc::new(std::sync::Barrier::new(WORKERS + 1));
    let handles: Vec<_> = (0..WORKERS)
        .map(|_| {
            let barrier = barrier.clone();
            pool.submit(move || {
                barrier.wait();
            })
            .expect("accepted")
        })
        .collect();
    barrier.wait();
    let mut names = live_threads_named(PREFIX);
    names.sort();
    let expected: Vec<String> = (0..WORKERS).map(|i| format!("{PREFIX}-{i}")).collect();
    assert_eq!(names, expected);
    for handle in handles {
        handle.join().expect("barrier task");
    }
    let pool = Arc::new(pool);
    let (done_tx, done) = mpsc::channel();
    let shutter = {
        let pool = pool.clone();
        spawn("stress-shutter", move || {
            let _done = Done(done_tx);
            pool.shutdown()
        })
    };
    await_threads(&done, 1);
    join(shutter).expect("shutdown");
    assert!(pool.is_terminated());
    assert_no_threads_named(PREFIX);
}
