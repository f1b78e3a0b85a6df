//! Wrong: the queue is "big enough" to never refuse anything. At the
//! planned rate nothing looks wrong; under overload the backlog grows
//! without end and accepted requests wait far past the target, served
//! after their callers gave up.

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
    // The queue: big enough that nobody is ever refused.
    Some(Plan {
        workers,
        queue_capacity: usize::MAX,
    })
}
