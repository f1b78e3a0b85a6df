//! Real threads: repeated runs with a watchdog.

use super::{Check, Verdict, setting};
use crate::panics;
use std::panic::catch_unwind;
use std::time::{Duration, Instant};

impl Check {
    /// Runs the scenario `CHECK_STD_RUNS` times on real threads, stopping at
    /// the first failure. Only probabilistic: a pass says little, a failure
    /// says a lot. A run that does not finish within
    /// `CHECK_STD_WATCHDOG_SECS` (default 20) counts as a hang: the watchdog
    /// only turns a hang into a report, nothing in the executor relies on it.
    pub fn run_std(&self, scenario: fn()) -> Verdict {
        panics::install(false);
        let runs = self
            .std_runs
            .unwrap_or_else(|| setting("CHECK_STD_RUNS", 100));
        let watchdog = Duration::from_secs(
            self.watchdog_secs
                .unwrap_or_else(|| setting("CHECK_STD_WATCHDOG_SECS", 20)),
        );
        let started = Instant::now();
        for run in 1..=runs {
            let (done, finished) = std::sync::mpsc::channel();
            let runner = std::thread::Builder::new()
                .name(format!("{}-run-{run}", self.name))
                .spawn(move || {
                    let _ = done.send(catch_unwind(scenario));
                })
                .expect("spawn the scenario's thread");
            let message = match finished.recv_timeout(watchdog) {
                Ok(Ok(())) => {
                    let _ = runner.join();
                    continue;
                }
                Ok(Err(payload)) => executor::panic_message(payload.as_ref()),
                Err(_) => format!(
                    "no progress for {watchdog:?}: a deadlock or a lost wake-up (the hung \
                     threads are left behind; loom and shuttle say where)"
                ),
            };
            let checker = format!("real threads (run {run} of {runs})");
            let replay = "re-run it; real threads cannot replay an interleaving".to_owned();
            return Verdict {
                failure: Some(self.report(&checker, message, None, replay)),
                checker,
                executions: run,
                elapsed: started.elapsed(),
            };
        }
        Verdict {
            checker: format!("real threads ({runs} runs)"),
            executions: runs,
            elapsed: started.elapsed(),
            failure: None,
        }
    }
}
