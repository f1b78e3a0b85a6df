//! The check harness: one scenario, written once as a function generic over
//! the backend, run under real threads, loom and shuttle, with a readable
//! report and a replay command when it fails.
//!
//! Settings come from environment variables, so a plain `cargo test` is
//! quick and a deeper search needs no code change:
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `CHECK_STD_RUNS` | 100 | repetitions on real threads |
//! | `CHECK_LOOM_BOUND` | 2 | loom's preemption bound |
//! | `CHECK_LOOM_SPURIOUS_WAITS` | 4 | loom: wait indices tried for a spurious wake-up |
//! | `CHECK_LOOM_CHECKPOINT` | 1 | 0: skip writing the replay file (faster deep runs) |
//! | `CHECK_SHUTTLE_ITERATIONS` | 10000 | schedules per shuttle scheduler |
//! | `CHECK_PCT_DEPTH` | 3 | PCT's bug depth |
//! | `CHECK_SEED` | random | shuttle's seed |
//! | `CHECK_REPLAY` | unset | a loom checkpoint or shuttle schedule file to replay |

mod isolate;
mod model_loom;
mod model_shuttle;
mod real;

use crate::report::Report;
use crate::{panics, trace};
use std::path::{Path, PathBuf};

/// Reads a numeric setting from the environment.
pub fn setting(var: &str, default: u64) -> u64 {
    match std::env::var(var) {
        Ok(value) => value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{var}={value:?} is not a whole number")),
        Err(_) => default,
    }
}

/// One scenario, ready to run under each checker.
///
/// ```no_run
/// use verification::check::Check;
/// fn scenario<B: executor::sync::Backend>() { /* build a Pool<B>, assert */ }
/// Check::new("my_scenario").loom(scenario::<verification::Loom>);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Check {
    name: &'static str,
    spurious: bool,
}

impl Check {
    /// A check of the scenario called `name`.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            spurious: false,
        }
    }

    /// Also inject spurious condition-variable wake-ups (see [`spurious`]).
    pub const fn with_spurious_wakeups(mut self) -> Self {
        self.spurious = true;
        self
    }

    /// Says how much was explored, for `cargo test -- --nocapture`.
    fn passed(&self, checker: &str, started: std::time::Instant) {
        eprintln!(
            "[check] {}: {checker}: {} executions, {:.0?}",
            self.name,
            trace::snapshot().execution,
            started.elapsed()
        );
    }

    fn cargo_test(&self, binary: &str, prefix: &str) -> String {
        format!(
            "cargo test -p verification --test {binary} {prefix}::{} -- --exact",
            self.name
        )
    }

    fn replay_file(&self, checker: &str, ext: &str) -> PathBuf {
        let dir = replay_dir();
        let _ = std::fs::create_dir_all(&dir);
        dir.join(format!("{}-{checker}.{ext}", self.name))
    }

    fn fail(
        &self,
        checker: String,
        payload: Box<dyn std::any::Any + Send>,
        trace: Option<String>,
        replay: String,
    ) -> ! {
        let report = Report {
            scenario: self.name.to_owned(),
            checker,
            message: panics::executor_message(payload.as_ref()),
            trace,
            replay,
        };
        panic!("{report}");
    }
}

pub(crate) fn replay_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let target = target.canonicalize().unwrap_or(target);
    target.join("check-replays")
}

pub(crate) fn replay_path() -> Option<PathBuf> {
    std::env::var_os("CHECK_REPLAY").map(PathBuf::from)
}
