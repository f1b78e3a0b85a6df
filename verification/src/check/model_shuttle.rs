//! shuttle: random and PCT schedules, with schedule files to replay.

use super::{Check, Verdict, replay_dir, replay_path, setting, tiered};
use crate::spurious::{self, Spurious};
use crate::{panics, trace};
use shuttle::scheduler::{PctScheduler, RandomScheduler, ReplayScheduler, Scheduler};
use shuttle::{Config, FailurePersistence, MaxSteps, Runner};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

impl Check {
    /// Runs `CHECK_SHUTTLE_ITERATIONS` (default 1,000, deep 10,000) schedules under
    /// shuttle: random ones, or with `pct` the PCT scheduler at depth
    /// `CHECK_PCT_DEPTH` (default 3), stopping at the first failure.
    pub fn run_shuttle(&self, scenario: fn(), pct: bool) -> Verdict {
        panics::install(true);
        let iterations = self
            .iterations
            .unwrap_or_else(|| tiered("CHECK_SHUTTLE_ITERATIONS", 1_000, 10_000) as usize);
        let depth = setting("CHECK_PCT_DEPTH", 3) as usize;
        let seed = self
            .seed
            .unwrap_or_else(|| setting("CHECK_SEED", random_seed()));
        let checker = if pct {
            format!("shuttle PCT (depth {depth}, seed {seed}, {iterations} schedules)")
        } else {
            format!("shuttle random (seed {seed}, {iterations} schedules)")
        };
        spurious::set_mode(if self.spurious {
            Spurious::Budget(2)
        } else {
            Spurious::Off
        });
        trace::reset();
        let replaying = replay_path();
        // One folder for every shuttle schedule: shuttle's panic hook keeps
        // the folder of the first configuration it saw, so all runs share it;
        // this run's schedule is the newest written since it started.
        let dir = shuttle_dir();
        let _ = std::fs::create_dir_all(&dir);
        let before = files(&dir);
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
        // ANCHOR: shuttle_schedulers
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
        // ANCHOR_END: shuttle_schedulers
        let Err(payload) = result else {
            return Verdict {
                checker,
                executions: super::executions(),
                elapsed: started.elapsed(),
                failure: None,
            };
        };
        let trace = trace::snapshot();
        let replay = match (&replaying, newest_file(&dir, &before)) {
            (Some(_), _) => "this run was the replay".to_owned(),
            (None, Some(file)) => {
                // Shuttle numbers its files in the order it writes them; a
                // name of the check's own is the same on every run, and no
                // other test running at once can take it.
                let own =
                    self.replay_file(if pct { "shuttle-pct" } else { "shuttle-random" }, "txt");
                let file = std::fs::rename(&file, &own).map_or(file, |()| own);
                format!("CHECK_REPLAY={} {}", file.display(), self.cargo_test())
            }
            (None, None) => format!(
                "CHECK_SEED={seed} {} (no schedule file was written)",
                self.cargo_test()
            ),
        };
        let message = executor::panic_message(payload.as_ref());
        Verdict {
            failure: Some(self.report(&checker, message, Some(trace.render()), replay)),
            checker,
            executions: trace.execution,
            elapsed: started.elapsed(),
        }
    }
}

/// The simulated thread's name; shuttle calls the first one "main-thread",
/// which the trace calls "main" as loom does.
fn shuttle_name() -> Option<String> {
    shuttle::thread::current()
        .name()
        .filter(|name| *name != "main-thread")
        .map(str::to_owned)
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

fn files(dir: &Path) -> Vec<(std::time::SystemTime, PathBuf)> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
                .collect()
        })
        .unwrap_or_default()
}

/// The newest schedule written since `before` was listed.
fn newest_file(dir: &Path, before: &[(std::time::SystemTime, PathBuf)]) -> Option<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|(_, path)| !before.iter().any(|(_, old)| old == path))
        .max()
        .map(|(_, path)| path)
}

/// Where shuttle writes failing schedules.
pub(crate) fn shuttle_dir() -> PathBuf {
    replay_dir().join("shuttle-schedules")
}
