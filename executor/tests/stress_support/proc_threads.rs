//! The `/proc/self/task` check that no OS thread with a given name prefix
//! is left (Linux only; elsewhere it checks nothing).

#[cfg(target_os = "linux")]
use std::thread;
#[cfg(target_os = "linux")]
use std::time::{Duration, Instant};

/// Names of this process's live threads that start with `prefix`.
#[cfg(target_os = "linux")]
pub fn live_threads_named(prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir("/proc/self/task").expect("read /proc/self/task") {
        let Ok(entry) = entry else { continue };
        // A thread may exit between the listing and the read: skip it.
        let Ok(comm) = std::fs::read_to_string(entry.path().join("comm")) else {
            continue;
        };
        let name = comm.trim_end();
        if name.starts_with(prefix) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Asserts that no OS thread named with `prefix` is left.
///
/// `JoinHandle::join` (pthread_join) returns once the kernel has cleared the
/// thread's tid, a moment before the kernel unlists the exiting thread from
/// `/proc`. The bounded re-read below covers only that kernel window; it is
/// not synchronisation with the pool, which has already joined its workers.
#[cfg(target_os = "linux")]
pub fn assert_no_threads_named(prefix: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = live_threads_named(prefix);
        if left.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "worker threads still alive after shutdown returned: {left:?}"
        );
        thread::yield_now();
    }
}

#[cfg(not(target_os = "linux"))]
pub fn assert_no_threads_named(_prefix: &str) {}
