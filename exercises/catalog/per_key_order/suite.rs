//! Grades `per_key_order`: two workers, jobs of two keys, the run order
//! checked per key; and two keys on different lanes that must overlap.

use super::answer::KeyedPool;
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, gated};

/// Guarantee: per key, the jobs run in submission order (judged on the
/// whole trace of (key, sequence number) in run order). One key only, to
/// keep the model small; the gate scenario covers several keys.
fn same_key_runs_in_order<B: Backend>() {
    let pool = KeyedPool::<B>::new(2);
    let ran = Events::<B, (u64, u32)>::shared();
    for (key, seq) in [(7, 0), (7, 1)] {
        let ran = ran.clone();
        pool.submit(key, move || ran.push((key, seq)));
    }
    pool.shutdown();
    let trace = ran.entries();
    assert_eq!(trace.len(), 2, "every job must run exactly once before shutdown returns: {trace:?}");
    let order: Vec<u32> = trace.iter().filter(|(k, _)| *k == 7).map(|(_, s)| *s).collect();
    assert_eq!(order, [0, 1], "key 7 ran out of submission order (whole trace: {trace:?})");
}

/// Guarantee: `lane_for` is in range and the same for a key every time.
fn lane_for_is_stable<B: Backend>() {
    let pool = KeyedPool::<B>::new(2);
    for key in 0..64 {
        let lane = pool.lane_for(key);
        assert!(lane < 2, "lane_for({key}) = {lane}: out of range for 2 workers");
        assert_eq!(lane, pool.lane_for(key), "lane_for({key}) changed between calls");
    }
    assert!(
        (1..64).any(|key| pool.lane_for(key) != pool.lane_for(0)),
        "keys 0..64 all map to one lane: nothing would run in parallel"
    );
    pool.shutdown();
}

/// Guarantee: jobs of keys on different lanes run in parallel: the first
/// waits for the second to open a gate, which only works if both run at
/// once.
fn different_lanes_run_in_parallel<B: Backend>() {
    let pool = KeyedPool::<B>::new(2);
    let first = 0;
    let second = (1..64)
        .find(|&key| pool.lane_for(key) != pool.lane_for(first))
        .expect("keys 0..64 all map to one lane: nothing would run in parallel");
    let gate = Arc::<B, _>::new((Mutex::<B, bool>::new(false), Condvar::<B>::new()));
    let g = gate.clone();
    pool.submit(first, move || {
        // Blocks its worker until the other key's job runs.
        drop(g.1.wait_while(g.0.lock(), |open| !*open));
    });
    let g = gate.clone();
    pool.submit(second, move || {
        *g.0.lock() = true;
        g.1.notify_all();
    });
    pool.shutdown();
    assert!(*gate.0.lock(), "the second key's job never ran");
}

/// Guarantee: a submitted job runs without waiting for shutdown: submit
/// wakes its lane's idle worker.
fn submit_wakes_the_lane_worker<B: Backend>() {
    let pool = KeyedPool::<B>::new(1);
    let done = Latch::<B>::shared();
    let d = done.clone();
    yield_now::<B>(); // the worker may go to sleep first
    pool.submit(7, move || d.set());
    done.wait(); // hangs if submit never wakes the sleeping worker
    pool.shutdown();
}

/// Guarantee: a worker runs a job without holding its lane's lock, so a
/// submit to that lane does not wait for the running job to finish.
fn submit_while_the_lane_runs_a_job<B: Backend>() {
    let pool = KeyedPool::<B>::new(1);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let ran = Events::<B, u32>::shared();
    pool.submit(7, gated(&started, &release));
    started.wait(); // the lane's worker is running the first job
    let mine = ran.clone();
    pool.submit(7, move || mine.push(2)); // hangs if the job runs under the lane's lock
    release.set();
    pool.shutdown();
    assert_eq!(ran.entries(), [2], "the job submitted while another ran must run once");
}

exercises::suite! {
    exercise: "per_key_order",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        same_key_runs_in_order,
        lane_for_is_stable,
        different_lanes_run_in_parallel,
        submit_wakes_the_lane_worker,
        submit_while_the_lane_runs_a_job,
    ],
}
