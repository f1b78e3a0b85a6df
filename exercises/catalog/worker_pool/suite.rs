//! Grades `worker_pool`: jobs on a small pool, one of them panicking.

use super::answer::WorkerPool;
use exercises::prelude::*;
use exercises::trace_check::{Events, Rendezvous};

/// Guarantee: every submitted job runs exactly once, and `wait_idle`
/// returns only after all of them have finished and been counted.
fn every_job_runs_once<B: Backend>() {
    let pool = WorkerPool::<B>::new(1);
    // Job `id` adds 1 << (8 * id): each byte counts the runs of one job.
    let runs = Arc::<B, _>::new(AtomicU64::<B>::new(0));
    for id in 0..2 {
        let runs = runs.clone();
        // Relaxed: wait_idle's lock orders these before the load below.
        pool.submit(move || {
            runs.fetch_add(1 << (8 * id), Ordering::Relaxed);
        });
    }
    pool.wait_idle();
    let runs = runs.load(Ordering::Relaxed);
    let per_job = [runs & 0xff, runs >> 8];
    assert_eq!(per_job, [1, 1], "each job must run exactly once by the time wait_idle returns (runs of job 0, job 1)");
    assert_eq!(
        (pool.completed(), pool.failed()),
        (2, 0),
        "after wait_idle, (completed, failed) must count both jobs"
    );
    pool.stop();
}

/// Guarantee: a job that panics is counted as failed and does not kill
/// its worker: the job queued behind it, on the same single worker, runs.
fn panic_does_not_kill_worker<B: Backend>() {
    let pool = WorkerPool::<B>::new(1);
    let ran = Events::<B, &str>::shared();
    pool.submit(|| panic!("deliberate panic: a failing job"));
    let after = ran.clone();
    pool.submit(move || after.push("after the panic"));
    pool.wait_idle();
    assert_eq!(ran.entries(), ["after the panic"], "the job after the panicking one must run");
    assert_eq!(
        (pool.completed(), pool.failed()),
        (1, 1),
        "(completed, failed) after one good and one panicking job"
    );
    pool.stop();
}

/// Guarantee: jobs still queued when `stop` is called run before the
/// workers exit.
fn stop_runs_queued_jobs<B: Backend>() {
    let pool = WorkerPool::<B>::new(1);
    let ran = Events::<B, u32>::shared();
    let mine = ran.clone();
    pool.submit(move || mine.push(7));
    pool.stop();
    assert_eq!(ran.entries(), [7], "a job queued before stop() must run before stop() returns");
}

/// Guarantee: `stop` wakes every idle worker (two here), each to take its
/// pill and exit, and returns.
fn stop_wakes_every_idle_worker<B: Backend>() {
    let pool = WorkerPool::<B>::new(2);
    yield_now::<B>(); // the workers may go to sleep first
    pool.stop(); // hangs if a sleeping worker never sees its pill
}

/// Guarantee: two workers run two jobs at the same time (no worker leaves
/// early). Here each job waits until the other has started.
fn two_workers_run_in_parallel<B: Backend>() {
    let pool = WorkerPool::<B>::new(2);
    let meet = Rendezvous::<B>::shared(2);
    for _ in 0..2 {
        let meet = meet.clone();
        pool.submit(move || meet.arrive());
    }
    pool.stop(); // hangs if only one worker is left to run the two jobs
}

exercises::suite! {
    exercise: "worker_pool",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        every_job_runs_once,
        panic_does_not_kill_worker,
        stop_runs_queued_jobs,
        stop_wakes_every_idle_worker,
        two_workers_run_in_parallel,
    ],
}
