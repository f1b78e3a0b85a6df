//! Runs each loom exploration in a child process, so that a model which
//! aborts the process still yields a verdict and a readable report.
//!
//! loom runs its simulated threads as coroutines on one OS thread. When it
//! detects a deadlock while a *spawned* thread is running, the panic cannot
//! unwind across that coroutine and the process aborts: no report, and no
//! other tests in that binary. So the parent re-runs its own test binary for
//! just the current test, telling the child which of the test's loom runs
//! (by call order) to perform; the child skips the others, performs that
//! one, writes its verdict to a file and exits. If the child dies instead,
//! the parent replays the failing execution (from the checkpoint the child
//! wrote before each execution) in a second child that streams its trace to
//! a file, and builds the report from that.

use super::{Check, Verdict, current_test, replay_dir};
use std::cell::Cell;
use std::process::{Command, Output};
use std::time::Instant;

/// In a child: which loom run of the test to perform (1-based).
const TARGET: &str = "CHECK_CHILD";
/// A child announces each execution on stderr, so the parent knows how far
/// it got even if it aborts.
pub const EXECUTION_LINE: &str = "[check-execution] ";
/// A child announces each spurious wake-up mode before running it.
pub(crate) const MODE_LINE: &str = "[check-mode] ";
/// Separates the fields of a verdict file.
const SEP: char = '\u{1e}';

/// In a child: which earlier loom runs of the test found a failure (as
/// the parent saw them), so that skipping them does not change what the
/// test does next.
const PRIOR: &str = "CHECK_CHILD_FOUND";

thread_local! {
    /// Loom runs made so far by the current test (each test has a thread).
    static CALLS: Cell<usize> = const { Cell::new(0) };
    /// The parent's verdicts so far, for the children it starts next.
    static FOUND: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What this process does with the loom run it has reached.
pub(crate) enum Role {
    /// Run it here (isolation off).
    Inline,
    /// Run it in a child process (we are the parent).
    Parent(usize),
    /// We are a child and this is our run: run it, report, exit.
    Target(usize),
    /// We are a child and this is another (earlier) run: skip it; `true`
    /// if the parent saw it find a failure.
    Skip(bool),
}

// ANCHOR: isolate_role
/// Counts this loom run and says what to do with it.
pub(crate) fn role() -> Role {
    let call = CALLS.get() + 1;
    CALLS.set(call);
    match std::env::var(TARGET)
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        Some(target) if target == call => Role::Target(call),
        Some(_) => {
            let found = std::env::var(PRIOR).unwrap_or_default();
            Role::Skip(found.split(',').any(|c| c == call.to_string()))
        }
        None if super::setting("CHECK_LOOM_ISOLATE", 1) == 1 => Role::Parent(call),
        None => Role::Inline,
    }
}
// ANCHOR_END: isolate_role

/// Which loom run of the current test this is (1-based), for file names.
pub(crate) fn current_call() -> usize {
    CALLS.get()
}

/// Whether this process is a child announcing its executions.
pub(crate) fn announcing() -> bool {
    std::env::var_os(TARGET).is_some() || std::env::var_os("CHECK_ANNOUNCE").is_some()
}

fn verdict_file(check: &Check, call: usize) -> std::path::PathBuf {
    replay_dir().join(format!("{}-loom-{call}-verdict.txt", check.file_stem()))
}

/// The child's side: hand the verdict to the parent and leave.
pub(crate) fn finish_child(check: &Check, call: usize, verdict: &Verdict) -> ! {
    let mut fields = vec![verdict.checker.clone(), verdict.executions.to_string()];
    if let Some(r) = &verdict.failure {
        fields.extend([
            r.message.clone(),
            r.trace.clone().unwrap_or_default(),
            r.replay.clone(),
        ]);
    }
    let _ = std::fs::write(verdict_file(check, call), fields.join(&SEP.to_string()));
    std::process::exit(0)
}

impl Check {
    /// The parent's side: run loom run number `call` of this test in a
    /// child and turn its outcome into a verdict.
    pub(crate) fn loom_in_child(&self, call: usize, bound: usize) -> Verdict {
        let started = Instant::now();
        let file = verdict_file(self, call);
        let _ = std::fs::create_dir_all(replay_dir());
        let _ = std::fs::remove_file(&file);
        let explored = self.run_child(call, &[]);
        let verdict = self.read_child(call, &file, &explored, bound, started);
        if verdict.found() {
            FOUND.with_borrow_mut(|found| found.push(call));
        }
        verdict
    }

    fn read_child(
        &self,
        call: usize,
        file: &std::path::Path,
        explored: &Output,
        bound: usize,
        started: Instant,
    ) -> Verdict {
        if let Ok(text) = std::fs::read_to_string(file) {
            let fields: Vec<&str> = text.split(SEP).collect();
            let checker = fields[0].to_owned();
            let executions = fields.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
            let failure = (fields.len() >= 5).then(|| {
                let trace = (!fields[3].is_empty()).then(|| fields[3].to_owned());
                self.report(&checker, fields[2].to_owned(), trace, fields[4].to_owned())
            });
            return Verdict {
                checker,
                executions,
                elapsed: started.elapsed(),
                failure,
            };
        }
        self.aborted_child(call, bound, explored, started)
    }

    /// The child died: replay its failing execution, streaming the trace.
    fn aborted_child(
        &self,
        call: usize,
        bound: usize,
        explored: &Output,
        started: Instant,
    ) -> Verdict {
        let stderr = String::from_utf8_lossy(&explored.stderr).into_owned();
        let last = |prefix: &str| {
            stderr
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix(prefix))
                .map(str::to_owned)
        };
        let executions = last(EXECUTION_LINE)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let mode = last(MODE_LINE).unwrap_or_default();
        let checkpoint = self.replay_file(&format!("loom-{call}"), "json");
        let trace_file = replay_dir().join(format!("{}-loom-trace.txt", self.file_stem()));
        let _ = std::fs::remove_file(&trace_file);
        let mut env = vec![
            ("CHECK_REPLAY", checkpoint.display().to_string()),
            ("CHECK_TRACE_FILE", trace_file.display().to_string()),
        ];
        if let Some(k) = mode.strip_prefix("spurious at wait ") {
            env.push(("CHECK_LOOM_SPURIOUS_AT", k.to_owned()));
        }
        drop(self.run_child(call, &env)); // what we want is its trace file
        // The replay numbers its one execution #1; say which it was.
        let trace = std::fs::read_to_string(&trace_file).ok().map(|t| {
            t.replacen(
                "failing execution: #1",
                &format!("failing execution: #{executions} (replayed from the checkpoint)"),
                1,
            )
        });
        let spurious_env = env
            .get(2)
            .map_or(String::new(), |(k, v)| format!("{k}={v} "));
        let message = format!(
            "the loom model aborted the process ({}): loom found a failure (typically a \
             deadlock) while a spawned thread was running, and that cannot unwind. Its last \
             words:\n{}",
            explored.status,
            tail(&stderr, 6)
        );
        let mode_text = if mode.is_empty() {
            String::new()
        } else {
            format!(", {mode}")
        };
        let checker = format!("loom (preemption bound {bound}{mode_text})");
        let replay = format!(
            "{spurious_env}CHECK_LOOM_BOUND={bound} CHECK_REPLAY={} {}",
            checkpoint.display(),
            self.cargo_test()
        );
        Verdict {
            failure: Some(self.report(&checker, message, trace, replay)),
            checker,
            executions,
            elapsed: started.elapsed(),
        }
    }

    fn run_child(&self, call: usize, env: &[(&str, String)]) -> Output {
        let exe = std::env::current_exe().expect("the test binary's path");
        let (_, test) = current_test();
        let mut command = Command::new(exe);
        command
            .args([
                test.as_str(),
                "--exact",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(TARGET, call.to_string())
            .env(
                PRIOR,
                FOUND.with_borrow(|found| {
                    found
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                }),
            )
            .env("RUST_BACKTRACE", "0");
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().expect("run the test binary as a child")
    }
}

/// The last `n` lines of `text` that are messages, not backtrace frames or
/// the harness's own progress lines.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(' ') && !l.starts_with("note:"))
        .filter(|l| !l.starts_with("[check") && !l.starts_with("stack backtrace"))
        .collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| format!("  | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
