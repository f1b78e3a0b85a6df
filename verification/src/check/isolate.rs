//! Runs a loom check in a child process, so that a model which aborts the
//! process still yields a readable report.
//!
//! loom runs its simulated threads as coroutines on one OS thread. When it
//! detects a deadlock while a *spawned* thread is running, the panic cannot
//! unwind across that coroutine and the process aborts: no report, no
//! other tests. So the parent re-runs its own test binary for this one test
//! (`CHECK_CHILD=1`), and if the child dies without a report, it replays
//! the failing execution (from the checkpoint the child wrote before each
//! execution) in a second child that streams its trace to a file, and
//! builds the report from that.

use super::{Check, replay_dir};
use std::process::{Command, Output};

/// Set in the child: run the model here rather than forking again.
pub(crate) const CHILD: &str = "CHECK_CHILD";
/// What a child prints before each loom model, so a parent can tell which
/// spurious wake-up mode was running when it died.
pub(crate) const MODE_LINE: &str = "[check-mode] ";

impl Check {
    /// Whether to run the loom model in a child process (the default,
    /// unless this is the child or `CHECK_LOOM_ISOLATE=0`).
    pub(crate) fn loom_isolated(&self) -> bool {
        std::env::var_os(CHILD).is_none() && super::setting("CHECK_LOOM_ISOLATE", 1) == 1
    }

    /// The parent's side: run this test in a child and judge its outcome.
    pub(crate) fn loom_in_child(&self, bound: usize) {
        let explored = self.run_child(&[]);
        let stderr = String::from_utf8_lossy(&explored.stderr).into_owned();
        for line in stderr.lines().filter(|l| l.starts_with("[check]")) {
            eprintln!("{line}");
        }
        if explored.status.success() {
            return;
        }
        if let Some(start) = stderr.find(crate::report::HEADER) {
            // The child unwound and printed the whole report: pass it on.
            let report = &stderr[start..];
            let end = report.find("\nreplay: ").map_or(report.len(), |i| {
                i + report[i + 1..]
                    .find('\n')
                    .map_or(report.len() - i, |j| j + 1)
            });
            panic!("{}", &report[..end]);
        }
        // The child died: replay its failing execution, streaming the trace.
        let mode = stderr
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix(MODE_LINE))
            .unwrap_or("")
            .to_owned();
        let checkpoint = self.replay_file("loom", "json");
        let trace_file = replay_dir().join(format!("{}-loom-trace.txt", self.name));
        let _ = std::fs::remove_file(&trace_file);
        let mut env = vec![
            ("CHECK_REPLAY", checkpoint.display().to_string()),
            ("CHECK_TRACE_FILE", trace_file.display().to_string()),
        ];
        if let Some(k) = mode.strip_prefix("spurious at wait ") {
            env.push(("CHECK_LOOM_SPURIOUS_AT", k.to_owned()));
        }
        let replayed = self.run_child(&env);
        let trace = std::fs::read_to_string(&trace_file).ok();
        let spurious_env = env
            .iter()
            .find(|(k, _)| *k == "CHECK_LOOM_SPURIOUS_AT")
            .map_or(String::new(), |(k, v)| format!("{k}={v} "));
        let message = format!(
            "the loom model aborted the process ({}): loom found a failure (typically a \
             deadlock) while a spawned thread was running, and that cannot unwind. Its last \
             words:\n{}",
            explored.status,
            tail(&stderr, 6)
        );
        drop(replayed); // its trace file is what we wanted
        self.fail(
            format!(
                "loom (preemption bound {bound}{})",
                if mode.is_empty() {
                    String::new()
                } else {
                    format!(", {mode}")
                }
            ),
            Box::new(message),
            trace,
            format!(
                "{spurious_env}CHECK_LOOM_BOUND={bound} CHECK_REPLAY={} {}",
                checkpoint.display(),
                self.cargo_test("loom_scenarios", "loom")
            ),
        )
    }

    fn run_child(&self, env: &[(&str, String)]) -> Output {
        let exe = std::env::current_exe().expect("the test binary's path");
        let filter = format!("loom::{}", self.name);
        let mut command = Command::new(exe);
        command
            .args([
                filter.as_str(),
                "--exact",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(CHILD, "1")
            .env("RUST_BACKTRACE", "0");
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().expect("run the test binary as a child")
    }
}

/// The last `n` lines of `text` that are messages, not backtrace frames.
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
