//! loom: exhaustive exploration up to a preemption bound.

use super::{Check, replay_path, setting};
use crate::spurious::{self, Spurious};
use crate::{panics, trace};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

impl Check {
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
        if self.loom_isolated() {
            return self.loom_in_child(bound);
        }
        for mode in modes {
            if let Spurious::AtWait(k) = mode {
                eprintln!("{}spurious at wait {k}", super::isolate::MODE_LINE);
            }
            self.run_loom(scenario, bound, mode);
        }
    }

    fn run_loom(&self, scenario: fn(), bound: usize, mode: Spurious) {
        let explore = move |checkpoint: Option<PathBuf>| {
            let mut builder = loom::model::Builder::new();
            builder.preemption_bound = Some(bound);
            if let Some(path) = checkpoint {
                // Write each execution's path before running it: when one
                // fails, the file holds it, ready to replay. (A second run
                // to capture it would do, but a failed loom model can abort
                // the process while it is torn down.)
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
        let file = self.replay_file("loom", "json");
        if replaying.is_none() {
            let _ = std::fs::remove_file(&file);
        }
        let started = std::time::Instant::now();
        let checkpoint = match &replaying {
            Some(path) => Some(path.clone()),
            None if setting("CHECK_LOOM_CHECKPOINT", 1) == 1 => Some(file.clone()),
            None => None,
        };
        let Err(payload) = catch_unwind(AssertUnwindSafe(|| explore(checkpoint))) else {
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
            format!(
                "{spurious_env}CHECK_LOOM_BOUND={bound} CHECK_REPLAY={} {}",
                file.display(),
                self.cargo_test("loom_scenarios", "loom")
            )
        };
        self.fail(
            format!("loom (preemption bound {bound}{mode_text})"),
            payload,
            Some(trace.render()),
            replay,
        )
    }
}

fn loom_name() -> Option<String> {
    loom::thread::current().name().map(str::to_owned)
}
