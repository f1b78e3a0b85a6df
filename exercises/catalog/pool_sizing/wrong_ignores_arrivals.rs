//! Wrong: the textbook starting point `cores × (1 + wait / cpu)` taken
//! as the answer. It keeps every core busy at any load, but ignores the
//! arrival rate: at 40 requests a second, 80 workers for 4 busy ones.

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
    // Enough workers to keep every core busy.
    let ratio = 1.0 + load.wait.as_secs_f64() / load.cpu.as_secs_f64().max(f64::EPSILON);
    let workers = ((load.cores as f64 * ratio).ceil() as usize).max(1);
    // Little's law for the queue: what the workers finish within the target.
    let drained = workers as u128 * load.max_queue_wait.as_nanos() / service.as_nanos();
    Some(Plan {
        workers,
        queue_capacity: usize::try_from(drained).unwrap_or(usize::MAX),
    })
}
