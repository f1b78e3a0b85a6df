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
//! | `CHECK_SHUTTLE_ITERATIONS` | 10000 | schedules per shuttle scheduler |
//! | `CHECK_PCT_DEPTH` | 3 | PCT's bug depth |
//! | `CHECK_SEED` | random | shuttle's seed |
//! | `CHECK_REPLAY` | unset | a loom checkpoint or shuttle schedule file to replay |

use crate::report::Report;
use crate::spurious::{self, Spurious};
use crate::{panics, trace};
use shuttle::scheduler::{PctScheduler, RandomScheduler, ReplayScheduler, Scheduler};
use shuttle::{Config, FailurePersistence, MaxSteps, Runner};
use std::panic::{AssertUnwindSafe, catch_unwind};
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

    /// Runs the scenario `CHECK_STD_RUNS` times on real threads. Only
    /// probabilistic: a pass says little, a failure says a lot.
    pub fn std(&self, scenario: fn()) {
        panics::install(false);
        let runs = setting("CHECK_STD_RUNS", 100);
        for run in 1..=runs {
            if let Err(payload) = catch_unwind(scenario) {
                self.fail(
                    format!("real threads (run {run} of {runs})"),
                    payload,
                    None,
                    "re-run it; real threads cannot replay an interleaving".into(),
                );
            }
        }
    }

    /// Explores the scenario exhaustively with loom, up to the preemption
    /// bound `CHECK_LOOM_BOUND` (default 2). With spurious wake-ups, it runs
    /// the model once per wait index that may return spuriously.
    pub fn loom(&self, scenario: fn()) {
        panics::install(false);
        let bound = setting("CHECK_LOOM_BOUND", 2) as usize;
        let modes: Vec<Spurious> = if let Ok(at) = std::env::var("CHECK_LOOM_SPURIOUS_AT") {
            vec![Spurious::AtWait(
                at.parse().expect("CHECK_LOOM_SPURIOUS_AT: a wait index"),
            )]
        } else if self.spurious {
            let waits = setting("CHECK_LOOM_SPURIOUS_WAITS", 4) as usize;
            (0..waits).map(Spurious::AtWait).collect()
        } else {
            vec![Spurious::Off]
        };
        for mode in modes {
            self.run_loom(scenario, bound, mode);
        }
    }

    fn run_loom(&self, scenario: fn(), bound: usize, mode: Spurious) {
        let explore = move |checkpoint: Option<PathBuf>| {
            let mut builder = loom::model::Builder::new();
            builder.preemption_bound = Some(bound);
            if let Some(path) = checkpoint {
                builder.checkpoint_file = Some(path);
                builder.checkpoint_interval = 1;
            }
            builder.check(move || {
                spurious::begin_execution();
                trace::begin_execution(loom_name);
                scenario();
            });
        };
        spurious::set_mode(mode);
        trace::reset();
        let replaying = replay_path();
        let started = std::time::Instant::now();
        let Err(payload) = catch_unwind(AssertUnwindSafe(|| explore(replaying.clone()))) else {
            self.passed(
                &format!("loom (preemption bound {bound}, {mode:?})"),
                started,
            );
            return;
        };
        let trace = trace::snapshot();
        let (spurious_env, mode_text) = match mode {
            Spurious::AtWait(k) => (
                format!("CHECK_LOOM_SPURIOUS_AT={k} "),
                format!(", spurious wake-up at wait {k}"),
            ),
            _ => (String::new(), String::new()),
        };
        let replay = if replaying.is_some() {
            "this run was the replay".to_owned()
        } else {
            // loom is deterministic: explore again, writing the path of each
            // execution to a checkpoint file before running it; when the
            // failure recurs, the file holds the failing execution.
            let file = self.replay_file("loom", "json");
            let _ = std::fs::remove_file(&file);
            trace::reset();
            spurious::set_mode(mode);
            let _ =
                panics::silently(|| catch_unwind(AssertUnwindSafe(|| explore(Some(file.clone())))));
            format!(
                "{spurious_env}CHECK_LOOM_BOUND={bound} CHECK_REPLAY={} {}",
                file.display(),
                self.cargo_test("loom_scenarios", "loom")
            )
        };
        self.fail(
            format!("loom (preemption bound {bound}{mode_text})"),
            payload,
            Some(trace),
            replay,
        )
    }

    /// Runs `CHECK_SHUTTLE_ITERATIONS` random schedules under shuttle.
    pub fn shuttle_random(&self, scenario: fn()) {
        self.run_shuttle(scenario, false);
    }

    /// Runs `CHECK_SHUTTLE_ITERATIONS` schedules under shuttle's PCT
    /// scheduler with bug depth `CHECK_PCT_DEPTH` (default 3).
    pub fn shuttle_pct(&self, scenario: fn()) {
        self.run_shuttle(scenario, true);
    }

    fn run_shuttle(&self, scenario: fn(), pct: bool) {
        panics::install(true);
        let iterations = setting("CHECK_SHUTTLE_ITERATIONS", 10_000) as usize;
        let depth = setting("CHECK_PCT_DEPTH", 3) as usize;
        let seed = setting("CHECK_SEED", random_seed());
        let (label, prefix) = if pct {
            (format!("shuttle PCT (depth {depth}"), "shuttle_pct")
        } else {
            ("shuttle random (".to_owned(), "shuttle_random")
        };
        spurious::set_mode(if self.spurious {
            Spurious::Budget(2)
        } else {
            Spurious::Off
        });
        trace::reset();
        let replaying = replay_path();
        let dir = replay_dir().join(format!("{}-{prefix}", self.name));
        if replaying.is_none() {
            // Old schedules would be mistaken for this run's.
            let _ = std::fs::remove_dir_all(&dir);
        }
        let _ = std::fs::create_dir_all(&dir);
        let mut config = Config::new();
        config.failure_persistence = FailurePersistence::File(Some(dir.clone()));
        config.max_steps =
            MaxSteps::FailAfter(setting("CHECK_SHUTTLE_MAX_STEPS", 100_000) as usize);
        let body = move || {
            spurious::begin_execution();
            trace::begin_execution(shuttle_name);
            scenario();
        };
        let started = std::time::Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| match &replaying {
            Some(path) => {
                let scheduler = ReplayScheduler::new_from_file(path)
                    .unwrap_or_else(|e| panic!("cannot read schedule {}: {e}", path.display()));
                run(scheduler, config, body)
            }
            None if pct => run(
                PctScheduler::new_from_seed(seed, depth, iterations),
                config,
                body,
            ),
            None => run(
                RandomScheduler::new_from_seed(seed, iterations),
                config,
                body,
            ),
        }));
        let Err(payload) = result else {
            self.passed(prefix, started);
            return;
        };
        let trace = trace::snapshot();
        let replay = match (&replaying, newest_file(&dir)) {
            (Some(_), _) => "this run was the replay".to_owned(),
            (None, Some(file)) => format!(
                "CHECK_REPLAY={} {}",
                file.display(),
                self.cargo_test("shuttle_scenarios", prefix)
            ),
            (None, None) => format!(
                "CHECK_SEED={seed} {} (no schedule file was written)",
                self.cargo_test("shuttle_scenarios", prefix)
            ),
        };
        let sep = if pct { ", " } else { "" };
        self.fail(
            format!("{label}{sep}seed {seed}, {iterations} schedules)"),
            payload,
            Some(trace),
            replay,
        )
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
        trace: Option<trace::Trace>,
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

fn loom_name() -> Option<String> {
    loom::thread::current().name().map(str::to_owned)
}

fn shuttle_name() -> Option<String> {
    shuttle::thread::current().name().map(str::to_owned)
}

fn run<S: Scheduler + 'static>(
    scheduler: S,
    config: Config,
    body: impl Fn() + Send + Sync + 'static,
) {
    Runner::new(scheduler, config).run(body);
}

fn random_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

fn newest_file(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, path)| path)
}

fn replay_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let target = target.canonicalize().unwrap_or(target);
    target.join("check-replays")
}

fn replay_path() -> Option<PathBuf> {
    std::env::var_os("CHECK_REPLAY").map(PathBuf::from)
}
