//! # Interview drill: backpressure and worker health (15 minutes)
//!
//! The "what happens under load, and when a worker dies?" extension. The
//! pool's submit path and its workers report to a monitor that upstream
//! and a supervisor read. Backpressure is a signal with *hysteresis*: it
//! switches on when the queue is more than 80% full and off only once it
//! is under 50%, so a depth hovering at the threshold does not make the
//! signal flap on every request. Failures are counted, and each worker's
//! last sign of life (a heartbeat) is stamped with the time, so a worker
//! that stopped reporting (stuck in a task, or dead) can be flagged. Time
//! is passed in as `now` (any unit, say milliseconds), never read from a
//! clock, so the logic is testable.
//!
//! ## Your task
//! Implement `LoadMonitor<B>` for a queue of `capacity` and `workers`
//! workers numbered from 0:
//! - `try_enqueue()` admits one request if the queue has room (depth below
//!   capacity) and returns whether it did; two racers never both take the
//!   last slot; `dequeued()` records that a worker took one;
//! - `overloaded()` turns on when an enqueue makes the depth exceed 80% of
//!   capacity (`depth * 10 > capacity * 8`) and off when a dequeue brings
//!   it under 50% (`depth * 10 < capacity * 5`); in between it keeps its
//!   previous value;
//! - `heartbeat(worker, now)` and `finished(worker, now, ok)` record worker
//!   `worker`'s last sign of life (never moving it backwards);
//!   `finished` with `ok == false` also counts a failure; `failures()` is
//!   the count, exact however many workers report at once;
//! - `stale_workers(now)` lists, in order, the workers whose last sign of
//!   life is more than `stale_after` before `now` (every worker starts
//!   alive at the `now` given to `new`).
//!
//! Done means: no flapping, no lost failure, and a stuck worker is flagged
//! even while its siblings are busy and healthy.
//!
//! ## The Python 3.8 shape
//! ```python
//! import threading
//! from typing import List
//!
//! class LoadMonitor:
//!     def __init__(self, capacity: int, workers: int, stale_after: float, now: float) -> None: ...
//!     def try_enqueue(self) -> bool: ...
//!     def dequeued(self) -> None: ...
//!     def overloaded(self) -> bool: ...
//!     def heartbeat(self, worker: int, now: float) -> None: ...
//!     def finished(self, worker: int, now: float, ok: bool) -> None: ...
//!     def failures(self) -> int: ...
//!     def stale_workers(self, now: float) -> List[int]: ...
//! ```
//!
//! Grade with `cargo drill check interview_backpressure`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// What the submit path and the workers report, for upstream and a supervisor.
pub struct LoadMonitor<B: Backend> {
    state: Mutex<B, State>,
}

struct State {
    capacity: usize,
    depth: usize,
    overloaded: bool,
    failures: u64,
    stale_after: u64,
    /// Per worker: the time of its last sign of life.
    last_seen: Vec<u64>,
}

impl<B: Backend> LoadMonitor<B> {
    /// A monitor for a queue of `capacity` and `workers` workers, all seen at `now`.
    pub fn new(capacity: usize, workers: usize, stale_after: u64, now: u64) -> Self {
        todo!()
    }

    /// Admits one request if there is room; updates the overload signal.
    pub fn try_enqueue(&self) -> bool {
        todo!()
    }

    /// A worker took one request off the queue; updates the overload signal.
    pub fn dequeued(&self) {
        todo!()
    }

    /// Whether upstream should slow down.
    pub fn overloaded(&self) -> bool {
        todo!()
    }

    /// Worker `worker` is alive at `now`.
    pub fn heartbeat(&self, worker: usize, now: u64) {
        todo!()
    }

    /// Worker `worker` finished a task at `now`; `ok` is false if it failed.
    pub fn finished(&self, worker: usize, now: u64, ok: bool) {
        todo!()
    }

    /// Tasks that failed so far.
    pub fn failures(&self) -> u64 {
        todo!()
    }

    /// Workers silent for more than `stale_after` at `now`, in index order.
    pub fn stale_workers(&self, now: u64) -> Vec<usize> {
        todo!()
    }
}
// ANCHOR_END: skeleton
