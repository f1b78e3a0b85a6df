//! Helpers shared by the executor's integration tests.
// Each test binary uses a subset.
#![allow(dead_code, clippy::disallowed_types, clippy::disallowed_methods)]

pub mod gate;
pub mod retrying;

use executor::routing::worker_for;
use std::sync::{Once, mpsc};
use std::time::Duration;

/// Longer than any test here takes: past it, the test has hung.
pub const HANG: Duration = Duration::from_secs(10);

/// Runs `f` on its own thread and returns its value, failing the test if
/// it takes longer than [`HANG`] (a dead worker or a lost wake-up makes
/// `join`, `wait_idle` or `shutdown` wait forever). A watchdog only: it
/// never orders anything.
pub fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(HANG)
        .unwrap_or_else(|_| panic!("{what} hung: a lost wake-up, a dead worker or a deadlock"))
}

/// Waits until `done` holds: inside [`within`], whose watchdog bounds it.
/// It yields between looks and orders nothing.
pub fn eventually(done: impl Fn() -> bool) {
    while !done() {
        std::thread::yield_now();
    }
}

/// Installs, once per process, a panic hook that keeps the deliberate task
/// panics (messages starting with "deliberate") quiet and forwards every
/// other panic to the default hook.
pub fn silence_deliberate_panics() {
    silence_panics_also(|_| false);
}

/// As [`silence_deliberate_panics`], and also keeps quiet the panics whose
/// payload `also` accepts (a test that panics with a payload of its own
/// type). The first call in a process decides.
pub fn silence_panics_also(also: fn(&(dyn std::any::Any + Send)) -> bool) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
            if !(message.is_some_and(|m| m.starts_with("deliberate")) || also(payload)) {
                default(info);
            }
        }));
    });
}

/// Where proptest keeps the failures it found (shrunk), to replay them
/// first on every later run: `executor/tests/<name>.proptest-regressions`.
/// Named directly: proptest's default looks for a `lib.rs` beside the test
/// and, finding none, would keep nothing.
pub fn regressions(
    name: &'static str,
) -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
    Some(Box::new(
        proptest::test_runner::FileFailurePersistence::Direct(name),
    ))
}

/// Proptest cases: `PROPTEST_CASES`, else 256.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

/// The first of `key-0`, `key-1`, ... that routes to `lane` of `workers`.
pub fn key_on(lane: usize, workers: usize) -> String {
    (0..)
        .map(|k| format!("key-{k}"))
        .find(|key| worker_for(key, workers) == lane)
        .expect("some key lands on every lane")
}
