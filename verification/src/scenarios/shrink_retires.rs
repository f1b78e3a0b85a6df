//! Guarantee: a shrink really retires workers, and the pool keeps serving.
//! Partitioned: the worker of a retired lane leaves once its lane is
//! drained. Shared: a surplus worker leaves once it is free. Each leaving
//! worker runs the stop hook, which the scenario waits for: a worker that
//! never notices it was retired makes that wait hang.

use super::support::{Latch, gated};
use executor::sync::{Arc, Backend};
use executor::{Builder, Pool};

/// A builder of `workers` workers whose stop hook sets the latch returned.
fn announcing_stops<B: Backend>(workers: usize) -> (Builder<B>, Arc<B, Latch<B>>) {
    let left = Latch::<B>::shared();
    let l = left.clone();
    let builder = Pool::<B>::builder()
        .workers(workers)
        .on_worker_stop(move |_| l.set());
    (builder, left)
}

/// Scenario: a partitioned pool shrinks from 2 workers to 1.
pub fn partitioned_shrink_retires<B: Backend>() {
    let (builder, left) = announcing_stops::<B>(2);
    let pool = builder.build_partitioned().unwrap();
    pool.resize(1).unwrap();
    left.wait(); // lane 1's worker left
    assert_eq!(pool.submit(&1_u64, || 5_u8).unwrap().join(), Ok(5));
    assert_eq!(pool.active_workers(), 1);
    pool.shutdown().unwrap();
    assert!(pool.metrics().is_consistent());
}

/// Scenario: a shared pool grows from 1 worker to 2, then shrinks to 1.
pub fn shared_resize_retires<B: Backend>() {
    let (builder, left) = announcing_stops::<B>(1);
    let pool = builder.build().unwrap();
    pool.resize(2).unwrap();
    let handle = pool.submit(|| 5_u8).unwrap();
    pool.resize(1).unwrap();
    left.wait(); // one of the two left
    assert_eq!(pool.workers(), 1);
    assert_eq!(handle.join(), Ok(5));
    assert_eq!(pool.submit(|| 6_u8).unwrap().join(), Ok(6));
    pool.shutdown().unwrap();
    assert!(pool.metrics().is_consistent());
}

/// Scenario: a shared pool of 2 shrinks to 1 while a task is queued: the
/// surplus worker leaves as soon as it is free, without running the
/// queued task first (that is the remaining worker's, once free).
pub fn shared_shrink_leaves_promptly<B: Backend>() {
    let (builder, left) = announcing_stops::<B>(2);
    let pool = builder.capacity(1).build().unwrap();
    let (started_a, release_a) = (Latch::<B>::shared(), Latch::<B>::shared());
    let (started_b, release_b) = (Latch::<B>::shared(), Latch::<B>::shared());
    let a = pool.submit(gated(&started_a, &release_a)).unwrap();
    let b = pool.submit(gated(&started_b, &release_b)).unwrap();
    started_a.wait();
    started_b.wait();
    let queued = pool.submit(|| 3_u8).unwrap();
    pool.resize(1).unwrap();
    release_b.set(); // b's worker is free, and surplus: it leaves
    left.wait();
    assert!(
        !queued.is_finished(),
        "the leaving worker ran a queued task instead of leaving"
    );
    release_a.set();
    assert_eq!(queued.join(), Ok(3));
    a.join().unwrap();
    b.join().unwrap();
    pool.shutdown().unwrap();
    assert!(pool.metrics().is_consistent());
}
