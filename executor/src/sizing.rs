//! How many workers: a starting point to measure from, not an answer.
//!
//! CPU-bound work gains nothing from more threads than cores. I/O-bound work
//! keeps a core busy only `compute / (wait + compute)` of the time, so about
//! `cores × (1 + wait / compute)` threads keep every core busy. Both are
//! starting points: measure p50/p99 latency and throughput, and respect
//! downstream limits (database connections, rate limits) and memory per
//! thread (each has its own stack).

use core::time::Duration;

// ANCHOR: sizing
// ANCHOR: cores
/// The number of cores available to this process (at least 1).
///
/// ```
/// assert!(executor::sizing::cores() >= 1);
/// ```
pub fn cores() -> usize {
    crate::sync::available_parallelism()
}

/// Workers for CPU-bound tasks: one per core.
///
/// ```
/// assert_eq!(executor::sizing::cpu_bound(), executor::sizing::cores());
/// ```
pub fn cpu_bound() -> usize {
    cores()
}
// ANCHOR_END: cores

/// Workers for tasks that wait (I/O) for `wait` and compute for `compute`:
/// `cores × (1 + wait / compute)`, rounded up.
///
/// ```
/// use std::time::Duration;
/// use executor::sizing::io_bound_for;
/// // 4 cores, 90 ms waiting per 10 ms computing: 4 × (1 + 9) = 40.
/// assert_eq!(io_bound_for(4, Duration::from_millis(90), Duration::from_millis(10)), 40);
/// ```
pub fn io_bound_for(cores: usize, wait: Duration, compute: Duration) -> usize {
    let compute = compute.as_secs_f64().max(f64::EPSILON);
    let ratio = 1.0 + wait.as_secs_f64() / compute;
    ((cores as f64) * ratio).ceil().max(1.0) as usize
}

/// [`io_bound_for`] with this machine's core count.
///
/// ```
/// use std::time::Duration;
/// let n = executor::sizing::io_bound(Duration::from_millis(30), Duration::from_millis(10));
/// assert_eq!(n, executor::sizing::cores() * 4);
/// ```
pub fn io_bound(wait: Duration, compute: Duration) -> usize {
    io_bound_for(cores(), wait, compute)
}
// ANCHOR_END: sizing
