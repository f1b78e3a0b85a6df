//! The memory shape: what a queued task costs. A pool with one worker is
//! blocked by a first task, C tasks are queued behind it, and the bytes
//! the process holds before and after queueing them are compared.
//!
//! The counts come from a probe the caller supplies (the `ratios` binary
//! installs a counting `#[global_allocator]`; this library installs none).

use crate::{Contender, Handle, Latch};
use std::time::Duration;

/// What the allocator has handed out so far.
#[derive(Clone, Copy, Debug, Default)]
pub struct Allocated {
    /// Bytes currently live (allocated minus freed).
    pub live_bytes: i64,
    /// Allocations made since the process started.
    pub allocations: u64,
}

/// One contender's memory use.
#[derive(Clone, Copy, Debug)]
pub struct Footprint {
    /// Live bytes added by starting the pool with one worker (thread
    /// stacks are mapped, not allocated, so they are not in it).
    pub start_bytes: i64,
    /// Live bytes per task queued with `execute`.
    pub execute_bytes: f64,
    /// Allocations per task queued with `execute`.
    pub execute_allocations: f64,
    /// Live bytes per task queued with `submit`, its handle kept.
    pub submit_bytes: f64,
    /// Allocations per task queued with `submit`.
    pub submit_allocations: f64,
}

/// Measures `C` with `queued` tasks behind a blocked single worker;
/// `queued` must fit in the bounded contenders' queues (1024).
pub fn footprint<C: Contender>(probe: &dyn Fn() -> Allocated, queued: usize) -> Footprint {
    let before = probe();
    let pool = C::start(1);
    // Let the worker threads finish their own start-up allocations.
    std::thread::sleep(Duration::from_millis(20));
    let start_bytes = probe().live_bytes - before.live_bytes;

    // The throughput shape's task: it captures one reference (a
    // capture-less closure is zero-sized and boxes for free).
    let latch = Latch::leaked(queued.max(1));
    let (execute_bytes, execute_allocations) =
        while_blocked(&pool, probe, queued, |pool, _handles| {
            for _ in 0..queued {
                pool.execute(0, move || latch.count_down());
            }
        });
    let (submit_bytes, submit_allocations) =
        while_blocked(&pool, probe, queued, |pool, handles| {
            for i in 0..queued {
                handles.push(pool.submit(0, move || i as u64));
            }
        });
    pool.shutdown();
    Footprint {
        start_bytes,
        execute_bytes,
        execute_allocations,
        submit_bytes,
        submit_allocations,
    }
}

/// Blocks the only worker, runs `fill` (which queues `queued` tasks and
/// keeps any handles in the vector it is given, sized beforehand so that
/// its buffer is not counted), and returns the live bytes and allocations per
/// queued task; then releases the worker and waits for everything.
fn while_blocked<C: Contender>(
    pool: &C,
    probe: &dyn Fn() -> Allocated,
    queued: usize,
    fill: impl FnOnce(&C, &mut Vec<Handle>),
) -> (f64, f64) {
    let (release, released) = crossbeam_channel::bounded::<()>(0);
    let (started_tx, started) = crossbeam_channel::bounded::<()>(1);
    let blocker = pool.submit(0, move || {
        let _ = started_tx.send(());
        let _ = released.recv();
        0
    });
    started.recv().expect("blocker started");
    let mut handles = Vec::with_capacity(queued);
    let before = probe();
    fill(pool, &mut handles);
    let after = probe();
    release.send(()).expect("blocker waiting");
    blocker.join();
    for handle in handles {
        handle.join();
    }
    let per_task = |a: f64| a / queued.max(1) as f64;
    (
        per_task((after.live_bytes - before.live_bytes) as f64),
        per_task(after.allocations.saturating_sub(before.allocations) as f64),
    )
}
