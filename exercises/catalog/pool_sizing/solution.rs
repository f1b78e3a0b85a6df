//! # Sizing a pool: reference solution
//!
//! Little's law, `L = λ × W`, used three times. The cores: `λ × cpu`
//! requests compute at once on average, so if that exceeds
//! `MAX_UTILISATION × cores` the CPU is the bottleneck and no pool size
//! meets any target: refuse to plan. The workers: `λ × S` requests hold a
//! worker at once (`S = cpu + wait`, the whole time in service, waiting
//! included), so `ceil(λ × S / MAX_UTILISATION)` workers keep utilisation
//! at or under 80%: below 1, the queue would grow without end; near 1,
//! every burst queues. That is where the core count goes wrong for I/O:
//! 4 cores serve 400 requests a second of 5 ms computing and 45 ms waiting
//! only with about 25 workers, since each spends 90% of its time waiting.
//! The queue: the workers finish `workers / S` requests a second, so a
//! queue of `workers × max_queue_wait / S` is emptied within the target.
//! Any request beyond it would start late, so refusing it is the honest
//! answer, and under overload that bound is what keeps the wait of the
//! requests accepted near the target instead of growing with the backlog.
//!
//! ## In Python 3.8
//! ```python
//! import math
//! from typing import NamedTuple, Optional
//!
//! MAX_UTILISATION = 0.8
//!
//! class Workload(NamedTuple):
//!     arrivals_per_sec: float
//!     cpu: float             # seconds
//!     wait: float            # seconds
//!     cores: int
//!     max_queue_wait: float  # seconds
//!
//! class Plan(NamedTuple):
//!     workers: int
//!     queue_capacity: int
//!
//! def plan(load: Workload) -> Optional[Plan]:
//!     if load.arrivals_per_sec * load.cpu > MAX_UTILISATION * load.cores:
//!         return None                       # CPU-bound past the cores
//!     service = load.cpu + load.wait        # holds a worker this long
//!     busy = load.arrivals_per_sec * service    # Little: L = lambda W
//!     workers = max(1, math.ceil(busy / MAX_UTILISATION))
//!     queue_capacity = int(workers * load.max_queue_wait / service)
//!     return Plan(workers, queue_capacity)
//! ```

use std::time::Duration;

/// The utilisation to stay under, for the workers and for the cores:
/// the headroom that lets a burst pass without queueing at once.
pub const MAX_UTILISATION: f64 = 0.8;

/// What the pool will face.
#[derive(Debug, Clone, Copy)]
pub struct Workload {
    /// Requests arriving per second, on average (`λ`).
    pub arrivals_per_sec: f64,
    /// What a request computes: it holds a core (and its worker) this long.
    pub cpu: Duration,
    /// What a request waits on I/O: it holds its worker, not a core.
    pub wait: Duration,
    /// Cores the pool may use.
    pub cores: usize,
    /// The longest a request may wait in the queue before a worker starts it.
    pub max_queue_wait: Duration,
}

/// The pool to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Worker threads.
    pub workers: usize,
    /// Requests the queue holds beyond those running; more are refused.
    pub queue_capacity: usize,
}

/// The pool that serves `load` within its target, or `None` if the cores
/// cannot keep up whatever the pool's size.
pub fn plan(load: &Workload) -> Option<Plan> {
    // Little's law for the cores: requests computing at once.
    let computing = load.arrivals_per_sec * load.cpu.as_secs_f64();
    if computing > MAX_UTILISATION * load.cores as f64 {
        return None;
    }
    // A request holds its worker while it computes and while it waits.
    let service = (load.cpu + load.wait).max(Duration::from_nanos(1));
    // Little's law for the workers: requests in service at once.
    let in_service = load.arrivals_per_sec * service.as_secs_f64();
    let workers = ((in_service / MAX_UTILISATION).ceil() as usize).max(1);
    // Little's law for the queue: what the workers finish within the target.
    let drained = workers as u128 * load.max_queue_wait.as_nanos() / service.as_nanos();
    Some(Plan {
        workers,
        queue_capacity: usize::try_from(drained).unwrap_or(usize::MAX),
    })
}
