//! Helpers for the retry tests: policies, a flaky task, and the checks
//! every retry test ends with.

use executor::{Metrics, RetryPolicy};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::time::Duration;

/// A backoff no test waits out: only a shutdown or a moved clock ends it.
pub const HOUR: Duration = Duration::from_secs(3600);

/// A policy of `attempts` with no backoff.
pub fn immediate<E>(attempts: u32) -> RetryPolicy<E> {
    RetryPolicy::new(attempts, Duration::ZERO, Duration::ZERO).unwrap()
}

/// A task that fails its first `failures` attempts, counting every call.
pub fn flaky(failures: u32, calls: Arc<AtomicU32>) -> impl FnMut() -> Result<u32, String> + Send {
    move || {
        let n = calls.fetch_add(1, SeqCst) + 1;
        if n <= failures {
            Err(format!("try {n} failed"))
        } else {
            Ok(n)
        }
    }
}

/// The pool is quiet: its counts balance and nothing waits or runs.
pub fn settled(m: Metrics) {
    assert!(m.is_consistent(), "{m:?}");
    assert_eq!((m.queued, m.delayed, m.running), (0, 0, 0), "{m:?}");
}
