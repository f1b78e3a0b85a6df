//! # Sizing a pool: how many workers, how long a queue
//!
//! "How many threads?" has a method, not a magic number. A request that
//! computes for `cpu` and then waits on I/O for `wait` holds a worker for
//! `S = cpu + wait`, but a core only for `cpu`. Little's law, `L = λ × W`,
//! turns an arrival rate `λ` into how many requests are inside at once:
//! `λ × S` of them hold a worker on average, and `λ × cpu` of them hold a
//! core. Workers must outnumber the first with some headroom (utilisation
//! well below 1, or every burst queues); no number of workers helps once
//! the second reaches the cores.
//!
//! The queue is sized from the latency target the same way: `workers`
//! workers finish `workers / S` requests a second, so a queue holding
//! `workers / S × max_queue_wait` requests empties within the target. A
//! longer queue only stores requests that will start too late; under
//! overload any queue fills, and the bound turns the excess into fast
//! refusals instead of ever-growing waits.
//!
//! ## Your task
//! Write `plan(load)`, a pure function:
//! - return `None` when the CPU part alone needs more than
//!   `MAX_UTILISATION` of the cores (`λ × cpu > 0.8 × cores`): more
//!   threads cannot add cores;
//! - otherwise choose `workers` so that their utilisation
//!   `λ × S / workers` is at most `MAX_UTILISATION`, and no more workers
//!   than that needs;
//! - and choose `queue_capacity` from `max_queue_wait` by Little's law.
//!
//! The suite grades the plan against a simulation it runs itself: a
//! deterministic discrete-event model of the pool (seeded random
//! arrivals at rate `λ`, each request holding a worker for `S`, a FIFO
//! queue of `queue_capacity` that refuses requests when full, logical
//! time, no sleeps, no threads). For each of a few workloads the plan
//! must
//! - at the planned rate, refuse at most 1% of requests and start 99% of
//!   them within `max_queue_wait`;
//! - at twice the planned rate (overload), start every request it accepts
//!   within `max_queue_wait` plus one service time;
//! - not be wastefully large: at most twice the workers of the smallest
//!   pool that meets the target in the same simulation.
//!
//! No threads here, so only the `std` checker grades it: the lesson is
//! the arithmetic, which is also the first follow-up question of the
//! interview.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import NamedTuple, Optional
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
//! def plan(load: Workload) -> Optional[Plan]: ...
//! ```
//!
//! Grade with `cargo drill check pool_sizing`.

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
    todo!("Little's law twice: λ × S workers busy, workers / S × target queued")
}
