//! loom: exhaustive exploration up to a preemption bound.

use super::isolate::{self, EXECUTION_LINE, MODE_LINE, Role};
use super::{Check, Verdict, executions, replay_path, setting};
use crate::spurious::{self, Spurious};
use crate::{panics, trace};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

impl Check {
    /// Explores the scenario exhaustively with loom, up to the preemption
    /// bound `CHECK_LOOM_BOUND` (default 2), in a child process (see
    /// [`isolate`]). With spurious wake-ups, it runs the model once per wait
    /// index that may return spuriously.
    pub fn run_loom(&self, scenario: fn()) -> Verdict {
        panics::install(false);
        let bound = self
            .loom_bound
            .unwrap_or_else(|| setting("CHECK_LOOM_BOUND", 2) as usize);
        let call = match isolate::role() {
            Role::Parent(call) => return self.loom_in_child(call, bound),
            Role::Skip(found) => {
                // Another child ran it; replay the parent's verdict.
                let checker = "loom (run in another child)".to_owned();
                let failure = found.then(|| {
                    self.report(
                        &checker,
                        "found by another child".into(),
                        None,
                        String::new(),
                    )
                });
                return Verdict {
                    checker,
                    executions: 0,
                    elapsed: Default::default(),
                    failure,
                };
            }
            Role::Target(call) => Some(call),
            Role::Inline => None,
        };
        // ANCHOR: loom_spurious_modes
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
        // ANCHOR_END: loom_spurious_modes
        let started = Instant::now();
        let mut total = 0;
        let mut verdict = None;
        for mode in &modes {
            if let Spurious::AtWait(k) = mode {
                eprintln!("{MODE_LINE}spurious at wait {k}");
            }
            let found = self.explore_loom(scenario, bound, *mode);
            total += executions();
            if let Some(found) = found {
                verdict = Some(Verdict {
                    executions: total,
                    elapsed: started.elapsed(),
                    ..found
                });
                break;
            }
        }
        let spurious_text = if self.spurious {
            format!(", spurious wake-up at each of waits 0..{}", modes.len())
        } else {
            String::new()
        };
        let verdict = verdict.unwrap_or_else(|| Verdict {
            checker: format!("loom (preemption bound {bound}{spurious_text})"),
            executions: total,
            elapsed: started.elapsed(),
            failure: None,
        });
        match call {
            Some(call) => isolate::finish_child(self, call, &verdict),
            None => verdict,
        }
    }

    /// One loom model; `Some` verdict if it failed.
    fn explore_loom(&self, scenario: fn(), bound: usize, mode: Spurious) -> Option<Verdict> {
        let announce = isolate::announcing();
        // ANCHOR: loom_builder
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
                if announce {
                    eprintln!("{EXECUTION_LINE}{}", executions());
                }
                scenario();
            });
        };
        // ANCHOR_END: loom_builder
        spurious::set_mode(mode);
        trace::reset();
        let replaying = replay_path();
        let file = self.replay_file(&format!("loom-{}", isolate::current_call()), "json");
        if replaying.is_none() {
            let _ = std::fs::remove_file(&file);
        }
        let checkpoint = match &replaying {
            Some(path) => Some(path.clone()),
            None if setting("CHECK_LOOM_CHECKPOINT", 1) == 1 => Some(file.clone()),
            None => None,
        };
        let payload = catch_unwind(AssertUnwindSafe(|| explore(checkpoint))).err()?;
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
                self.cargo_test()
            )
        };
        let checker = format!("loom (preemption bound {bound}{mode_text})");
        let message = executor::panic_message(payload.as_ref());
        Some(Verdict {
            failure: Some(self.report(&checker, message, Some(trace.render()), replay)),
            checker,
            executions: trace.execution,
            elapsed: Default::default(),
        })
    }
}

fn loom_name() -> Option<String> {
    loom::thread::current().name().map(str::to_owned)
}
