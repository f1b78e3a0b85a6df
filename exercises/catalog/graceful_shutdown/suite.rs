//! Grades `graceful_shutdown`: shutdown with queued jobs, idle workers, a
//! racing submitter, and the immediate variant.

use super::answer::Pool;
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, Rendezvous, gated};

/// Guarantee: every job accepted before `shutdown()` has run when it
/// returns.
fn drains_accepted_jobs<B: Backend>() {
    let pool = Pool::<B>::new(1);
    let ran = Events::<B, u32>::shared();
    for id in 0..2 {
        let ran = ran.clone();
        assert!(pool.submit(move || ran.push(id)).is_ok(), "an open pool refused job {id}");
    }
    pool.shutdown();
    let mut seen = ran.entries();
    seen.sort();
    assert_eq!(seen, [0, 1], "shutdown() returned before every accepted job ran (ids that ran)");
}

/// Guarantee: `shutdown()` wakes every idle worker (two of them here) and
/// returns; it does not rely on a timeout to do it.
fn idle_workers_all_wake<B: Backend>() {
    let pool = Pool::<B>::new(2);
    pool.shutdown();
    let ran = Events::<B, u32>::shared();
    let mine = ran.clone();
    assert!(
        pool.submit(move || mine.push(1)).is_err(),
        "submit after shutdown() must hand the job back"
    );
}

/// Guarantee: a submit racing shutdown is either refused, or accepted and
/// run before `shutdown()` returns; never accepted and dropped.
fn submit_races_shutdown<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::new(1));
    let ran = Events::<B, &str>::shared();
    let (p, r) = (pool.clone(), ran.clone());
    let submitter = spawn::<B, _>("submitter", move || p.submit(move || r.push("raced")).is_ok());
    pool.shutdown();
    let accepted = join(submitter);
    if accepted {
        assert_eq!(ran.entries(), ["raced"], "submit returned Ok, but the job never ran");
    } else {
        assert!(ran.entries().is_empty(), "a refused job must not run");
    }
}

/// Guarantee: a submitted job runs without waiting for a shutdown: submit
/// wakes an idle worker.
fn submit_wakes_an_idle_worker<B: Backend>() {
    let pool = Pool::<B>::new(1);
    let done = Latch::<B>::shared();
    let d = done.clone();
    yield_now::<B>(); // the worker may go to sleep first
    assert!(pool.submit(move || d.set()).is_ok(), "an open pool refused a job");
    done.wait(); // hangs if submit never wakes the sleeping worker
    pool.shutdown();
}

/// Guarantee: two workers run two jobs at the same time, and a worker
/// runs its job without holding the pool's lock. Here each job waits
/// until the other has started.
fn two_workers_run_in_parallel<B: Backend>() {
    let pool = Pool::<B>::new(2);
    let meet = Rendezvous::<B>::shared(2);
    for id in 0..2 {
        let meet = meet.clone();
        assert!(pool.submit(move || meet.arrive()).is_ok(), "an open pool refused job {id}");
    }
    pool.shutdown(); // hangs if one worker left early, or runs jobs under the lock
}

/// Guarantee: `shutdown_now()` returns the jobs still queued (one here,
/// behind a running job), which then never run, and refuses later
/// submits.
fn shutdown_now_returns_queued_job<B: Backend>() {
    let pool = Pool::<B>::new(1);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let ran = Events::<B, &str>::shared();
    assert!(pool.submit(gated(&started, &release)).is_ok(), "an open pool refused a job");
    let queued = ran.clone();
    assert!(pool.submit(move || queued.push("queued")).is_ok(), "an open pool refused a job");
    started.wait(); // the only worker is busy: the second job is still queued
    let unstarted = pool.shutdown_now();
    let late = ran.clone();
    let refused = pool.submit(move || late.push("late")).is_err();
    release.set();
    pool.shutdown();
    assert_eq!(unstarted.len(), 1, "shutdown_now() must return the job still queued behind the running one");
    assert!(refused, "submit after shutdown_now() must hand the job back");
    assert!(ran.entries().is_empty(), "a job returned by shutdown_now() (or refused) ran anyway: {:?}", ran.entries());
}

/// Guarantee: after `shutdown_now()`, each accepted job either ran once or
/// was returned unstarted, never both and never neither.
fn shutdown_now_returns_unstarted<B: Backend>() {
    let pool = Pool::<B>::new(1);
    let ran = Events::<B, u32>::shared();
    for id in 0..2 {
        let ran = ran.clone();
        assert!(pool.submit(move || ran.push(id)).is_ok(), "an open pool refused job {id}");
    }
    let unstarted = pool.shutdown_now();
    pool.shutdown();
    let by_workers = ran.entries();
    assert_eq!(
        by_workers.len() + unstarted.len(),
        2,
        "jobs run by workers ({by_workers:?}) plus jobs returned ({}) must be the 2 accepted",
        unstarted.len()
    );
    for job in unstarted {
        job();
    }
    let mut all = ran.entries();
    all.sort();
    assert_eq!(all, [0, 1], "a job was both run and returned (ids, after running the returned ones)");
}

exercises::suite! {
    exercise: "graceful_shutdown",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        drains_accepted_jobs,
        idle_workers_all_wake,
        submit_races_shutdown,
        shutdown_now_returns_unstarted,
        submit_wakes_an_idle_worker,
        two_workers_run_in_parallel,
        shutdown_now_returns_queued_job,
    ],
}
