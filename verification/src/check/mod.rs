//! The check harness: one scenario, written once as a function generic over
//! the backend, run under real threads, loom and shuttle, with a readable
//! report and a replay command when it fails.
//!
//! Each `run_*` method returns a [`Verdict`] (did the checker find a
//! failure, after how many executions); the short forms (`std`, `loom`,
//! `shuttle_random`, `shuttle_pct`) expect a pass and panic with the report
//! otherwise, which is what scenario tests want. The bug zoo wants the
//! opposite, and asserts that the verdict *found* its bug.
//!
//! Settings come from environment variables, so a plain `cargo test` is
//! quick and a deeper search needs no code change; code may override them
//! (the detection matrix does). `CHECK_DEEP=1` raises every depth that has
//! a quick default for `cargo test` to its deep one (see [`tiered`]):
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `CHECK_STD_RUNS` | 100 | repetitions on real threads |
//! | `CHECK_STD_WATCHDOG_SECS` | 20 | a real-thread run stuck this long fails as a hang |
//! | `CHECK_LOOM_BOUND` | 2 | loom's preemption bound |
//! | `CHECK_LOOM_SPURIOUS_WAITS` | 4 | loom: wait indices tried for a spurious wake-up |
//! | `CHECK_LOOM_CHECKPOINT` | 1 | 0: skip writing the replay file (faster deep runs) |
//! | `CHECK_LOOM_ISOLATE` | 1 | 0: run loom in the test's own process |
//! | `CHECK_DEEP` | 0 | 1: the deep tier (CI runs it after `cargo test --workspace`) |
//! | `CHECK_SHUTTLE_ITERATIONS` | 1000 (deep: 10000) | schedules per shuttle scheduler |
//! | `CHECK_SHUTTLE_MAX_STEPS` | 100000 | an execution longer than this fails (a livelock) |
//! | `CHECK_PCT_DEPTH` | 3 | PCT's bug depth |
//! | `CHECK_SEED` | random | shuttle's seed |
//! | `CHECK_REPLAY` | unset | a loom checkpoint or shuttle schedule file to replay |
//! | `CHECK_RERUN` | the test's `cargo test` line | the command that re-runs a check, for replay lines |

pub mod isolate;
mod model_loom;
mod model_shuttle;
pub(crate) use model_shuttle::shuttle_dir;
mod real;

use crate::report::Report;
use crate::trace;
use std::path::{Path, PathBuf};
use std::time::Duration;

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

/// Whether `CHECK_DEEP=1` asks for the deep tier.
///
/// A test that expects a pass costs its whole budget (a found bug stops
/// early), so the passing runs set the time of `cargo test`: the default
/// tier keeps them short enough for a five-minute run on two cores, and
/// the deep tier, which CI runs too, gives them the depth a learner's
/// check or a release wants.
///
/// ```
/// assert_eq!(verification::check::deep(), std::env::var("CHECK_DEEP").as_deref() == Ok("1"));
/// ```
pub fn deep() -> bool {
    setting("CHECK_DEEP", 0) == 1
}

/// A setting whose default depends on the tier: `var` if set, else
/// `quick`, or `deep` under `CHECK_DEEP=1`.
///
/// ```
/// use verification::check::tiered;
/// if std::env::var_os("CHECK_PCT_DEPTH").is_none() {
///     let depth = tiered("CHECK_PCT_DEPTH", 3, 3);
///     assert_eq!(depth, 3);
/// }
/// ```
pub fn tiered(var: &str, quick: u64, deep: u64) -> u64 {
    setting(var, if self::deep() { deep } else { quick })
}

/// What one checker concluded about one scenario.
#[derive(Debug)]
pub struct Verdict {
    /// The checker and its settings, e.g. "loom (preemption bound 2)".
    pub checker: String,
    /// Executions run: all of them on a pass, up to and including the
    /// failing one when something was found.
    pub executions: u64,
    /// Wall-clock time taken.
    pub elapsed: Duration,
    /// The failure found, if any.
    pub failure: Option<Report>,
}

impl Verdict {
    /// Whether the checker found a failure.
    pub fn found(&self) -> bool {
        self.failure.is_some()
    }

    /// Panics with the report if the checker found a failure.
    pub fn expect_pass(self, scenario: &str) {
        if let Some(report) = self.failure {
            panic!("{report}");
        }
        eprintln!(
            "[check] {scenario}: {}: {} executions, {:.0?}",
            self.checker, self.executions, self.elapsed
        );
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
    std_runs: Option<u64>,
    loom_bound: Option<usize>,
    iterations: Option<usize>,
    seed: Option<u64>,
    watchdog_secs: Option<u64>,
}

impl Check {
    /// A check of the scenario called `name`.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            spurious: false,
            std_runs: None,
            loom_bound: None,
            iterations: None,
            seed: None,
            watchdog_secs: None,
        }
    }

    /// Also inject spurious condition-variable wake-ups (see
    /// [`crate::spurious`]).
    pub const fn with_spurious_wakeups(mut self) -> Self {
        self.spurious = true;
        self
    }

    /// Overrides `CHECK_STD_RUNS`.
    pub const fn std_runs(mut self, runs: u64) -> Self {
        self.std_runs = Some(runs);
        self
    }

    /// Overrides `CHECK_LOOM_BOUND`.
    pub const fn loom_bound(mut self, bound: usize) -> Self {
        self.loom_bound = Some(bound);
        self
    }

    /// Overrides `CHECK_SHUTTLE_ITERATIONS`.
    pub const fn iterations(mut self, iterations: usize) -> Self {
        self.iterations = Some(iterations);
        self
    }

    /// Overrides `CHECK_STD_WATCHDOG_SECS`.
    pub const fn watchdog_secs(mut self, secs: u64) -> Self {
        self.watchdog_secs = Some(secs);
        self
    }

    /// Overrides `CHECK_SEED`.
    pub const fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// The scenario's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    // ANCHOR: check_runners
    /// Real threads, expecting a pass (see [`Self::run_std`]).
    pub fn std(&self, scenario: fn()) {
        self.run_std(scenario).expect_pass(self.name);
    }

    /// loom, expecting a pass (see [`Self::run_loom`]).
    pub fn loom(&self, scenario: fn()) {
        self.run_loom(scenario).expect_pass(self.name);
    }

    /// shuttle's random scheduler, expecting a pass.
    pub fn shuttle_random(&self, scenario: fn()) {
        self.run_shuttle(scenario, false).expect_pass(self.name);
    }

    /// shuttle's PCT scheduler, expecting a pass.
    pub fn shuttle_pct(&self, scenario: fn()) {
        self.run_shuttle(scenario, true).expect_pass(self.name);
    }
    // ANCHOR_END: check_runners

    /// The command that re-runs the current test, for replay lines. A
    /// program that is not a test binary (the drill grader) names its own
    /// command in `CHECK_RERUN`, where `{scenario}` stands for the
    /// scenario's name.
    fn cargo_test(&self) -> String {
        if let Ok(template) = std::env::var("CHECK_RERUN") {
            return template.replace("{scenario}", self.name);
        }
        let (binary, test) = current_test();
        format!("cargo test -p verification --test {binary} {test} -- --exact")
    }

    fn replay_file(&self, checker: &str, ext: &str) -> PathBuf {
        let dir = replay_dir();
        let _ = std::fs::create_dir_all(&dir);
        dir.join(format!("{}-{checker}.{ext}", self.file_stem()))
    }

    /// The start of this check's file names: the scenario's name, after
    /// the current test's when they differ, since two tests running at
    /// once may check scenarios of the same name (an exercise's solution
    /// and its wrong answers do).
    pub(crate) fn file_stem(&self) -> String {
        let (_, test) = current_test();
        let test: String = test
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if test.is_empty() || test == self.name {
            self.name.to_owned()
        } else {
            format!("{test}-{}", self.name)
        }
    }

    fn report(
        &self,
        checker: &str,
        message: String,
        trace: Option<String>,
        replay: String,
    ) -> Report {
        Report {
            scenario: self.name.to_owned(),
            checker: checker.to_owned(),
            message,
            trace,
            replay,
        }
    }
}

/// The running test binary's name (without cargo's hash) and the current
/// test's name (libtest names each test's thread after the test).
pub(crate) fn current_test() -> (String, String) {
    let exe = std::env::current_exe().unwrap_or_default();
    let stem = exe.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let binary = stem
        .rsplit_once('-')
        .map_or(stem, |(name, _)| name)
        .to_owned();
    let test = std::thread::current().name().unwrap_or("").to_owned();
    (binary, test)
}

pub(crate) fn replay_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let target = target.canonicalize().unwrap_or(target);
    target.join("check-replays")
}

/// The file `CHECK_REPLAY` names. A relative path is taken from the
/// workspace root, where the reader typed the command (cargo runs a test in
/// its package's folder), unless it exists where the test runs.
pub(crate) fn replay_path() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os("CHECK_REPLAY")?);
    if path.is_relative() && !path.exists() {
        return Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path));
    }
    Some(path)
}

/// The execution counter of the current (or last) model run.
pub(crate) fn executions() -> u64 {
    trace::snapshot().execution
}
