//! Real threads: repeated runs with a watchdog.

use super::{Check, setting};
use crate::panics;
use std::panic::catch_unwind;

impl Check {
    /// Runs the scenario `CHECK_STD_RUNS` times on real threads. Only
    /// probabilistic: a pass says little, a failure says a lot. A run that
    /// does not finish within `CHECK_STD_WATCHDOG_SECS` (default 20) fails
    /// the check as a hang: the watchdog only turns a hang into a report,
    /// nothing in the executor relies on it.
    pub fn std(&self, scenario: fn()) {
        panics::install(false);
        let runs = setting("CHECK_STD_RUNS", 100);
        let watchdog = std::time::Duration::from_secs(setting("CHECK_STD_WATCHDOG_SECS", 20));
        for run in 1..=runs {
            let (done, finished) = std::sync::mpsc::channel();
            let runner = std::thread::Builder::new()
                .name(format!("{}-run-{run}", self.name))
                .spawn(move || {
                    let _ = done.send(catch_unwind(scenario));
                })
                .expect("spawn the scenario's thread");
            let checker = format!("real threads (run {run} of {runs})");
            let replay = "re-run it; real threads cannot replay an interleaving".to_owned();
            match finished.recv_timeout(watchdog) {
                Ok(Ok(())) => {
                    let _ = runner.join();
                }
                Ok(Err(payload)) => self.fail(checker, payload, None, replay),
                Err(_) => self.fail(
                    checker,
                    Box::new(format!(
                        "no progress for {watchdog:?}: a deadlock or a lost wake-up \
                         (the hung threads are left behind; loom and shuttle say where)"
                    )),
                    None,
                    replay,
                ),
            }
        }
        eprintln!("[check] {}: real threads: {runs} runs", self.name);
    }
}
