//! The detection matrix: every bug of the zoo under every checker, with
//! the cost of finding it. The evidence that model checking beats stress
//! testing: a bug real threads hit once in a thousand runs (or never), a
//! model checker finds in a handful of executions, every time.
//!
//! Each cell runs in a child process (`zoo-matrix cell ...`), because a
//! loom model that finds a deadlock in a spawned thread aborts its process.

use super::{BUGS, Bug};
use crate::check::isolate::EXECUTION_LINE;
use std::fmt::Write as _;
use std::process::Command;

/// Seeds per shuttle scheduler.
pub const SEEDS: u64 = 20;
/// Schedules per seed before a shuttle cell gives up.
pub const SHUTTLE_BUDGET: usize = 2_000;
/// Real-thread runs per bug.
pub const STD_RUNS: u64 = 1_000;
/// Hangs after which real threads stop trying (each costs a watchdog).
const STD_HANGS: u64 = 3;

/// One cell's outcome, as the child prints it.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// For each attempt (seed, or the single loom/std run): executions to
    /// the first failure, or `None` if it passed.
    pub attempts: Vec<Option<u64>>,
    /// Std only: failures and runs.
    pub rate: Option<(u64, u64)>,
}

/// Runs one cell in this process and prints its result lines. `spec` is
/// `loom:<bound>`, `random`, `pct` or `std`.
pub fn run_cell(bug: &Bug, spec: &str) {
    let check = bug.check();
    match spec.split_once(':') {
        Some(("loom", bound)) => {
            let bound = bound.parse().expect("loom bound");
            let verdict = check.loom_bound(bound).run_loom(bug.broken.loom);
            println!("RESULT {}", outcome(verdict.found(), verdict.executions));
        }
        _ if spec == "random" || spec == "pct" => {
            for seed in 1..=SEEDS {
                let verdict = check
                    .seed(seed)
                    .iterations(SHUTTLE_BUDGET)
                    .run_shuttle(bug.broken.shuttle, spec == "pct");
                println!("RESULT {}", outcome(verdict.found(), verdict.executions));
            }
        }
        _ if spec == "std" => {
            let (mut failures, mut hangs, mut runs) = (0, 0, 0);
            while runs < STD_RUNS && hangs < STD_HANGS {
                runs += 1;
                let verdict = check.std_runs(1).run_std(bug.broken.std);
                if let Some(report) = verdict.failure {
                    failures += 1;
                    hangs += u64::from(report.message.starts_with("no progress"));
                }
            }
            println!("RATE {failures} {runs}");
        }
        _ => panic!("unknown cell spec {spec:?}"),
    }
}

fn outcome(found: bool, executions: u64) -> String {
    if found {
        format!("found {executions}")
    } else {
        "passed".to_owned()
    }
}

/// Runs a cell in a child process and parses what it printed.
fn cell_in_child(bug: &Bug, spec: &str) -> Cell {
    let exe = std::env::current_exe().expect("own path");
    let output = Command::new(exe)
        .args(["cell", bug.name, spec])
        .env("CHECK_LOOM_ISOLATE", "0")
        .env("CHECK_ANNOUNCE", "1")
        .env("CHECK_LOOM_CHECKPOINT", "0")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run a matrix cell");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut cell = Cell::default();
    for line in stdout.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["RESULT", "found", n] => cell.attempts.push(n.parse().ok()),
            ["RESULT", "passed"] => cell.attempts.push(None),
            ["RATE", failures, runs] => {
                cell.rate = Some((failures.parse().unwrap_or(0), runs.parse().unwrap_or(0)));
            }
            _ => {}
        }
    }
    if cell.attempts.is_empty() && cell.rate.is_none() {
        // The child died: loom aborted on a failure; count how far it got.
        let stderr = String::from_utf8_lossy(&output.stderr);
        let executions = stderr
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix(EXECUTION_LINE))
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        cell.attempts.push(Some(executions));
    }
    cell
}

fn loom_text(cell: &Cell) -> String {
    match cell.attempts.first() {
        Some(Some(n)) => format!("found at #{n}"),
        _ => "not found".to_owned(),
    }
}

fn shuttle_text(cell: &Cell) -> String {
    let mut found: Vec<u64> = cell.attempts.iter().flatten().copied().collect();
    if found.is_empty() {
        return format!("not found ({SEEDS} x {SHUTTLE_BUDGET})");
    }
    found.sort_unstable();
    let median = found[found.len() / 2];
    let worst = found[found.len() - 1];
    let seeds = cell.attempts.len();
    if found.len() == seeds {
        format!("median {median}, worst {worst}")
    } else {
        format!(
            "{}/{seeds} seeds; median {median}, worst {worst}",
            found.len()
        )
    }
}

fn std_text(cell: &Cell) -> String {
    match cell.rate {
        Some((0, runs)) => format!("0 / {runs}"),
        Some((failures, runs)) if runs < STD_RUNS => format!("{failures} / {runs} (hangs)"),
        Some((failures, _)) => format!("{failures} / 1000"),
        None => "?".to_owned(),
    }
}

/// Measures every bug and returns the Markdown table.
pub fn measure(progress: impl Fn(&str)) -> String {
    measure_bugs(BUGS.iter(), progress)
}

/// Measures the given bugs and returns their Markdown table.
pub fn measure_bugs<'a>(bugs: impl Iterator<Item = &'a Bug>, progress: impl Fn(&str)) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| bug | loom bound 1 | loom bound 2 | loom bound 3 | shuttle random | shuttle PCT (depth 3) | real threads (failures per run) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for bug in bugs {
        progress(bug.name);
        let cells: Vec<String> = [
            loom_text(&cell_in_child(bug, "loom:1")),
            loom_text(&cell_in_child(bug, "loom:2")),
            loom_text(&cell_in_child(bug, "loom:3")),
            shuttle_text(&cell_in_child(bug, "random")),
            shuttle_text(&cell_in_child(bug, "pct")),
            std_text(&cell_in_child(bug, "std")),
        ]
        .into();
        let _ = writeln!(out, "| `{}` | {} |", bug.name, cells.join(" | "));
    }
    out
}

/// The explanation printed above the table.
pub fn legend() -> String {
    format!(
        "Every bug of the zoo, under every checker. **loom**: the index of the first failing \
         execution in its exhaustive search, at preemption bounds 1 to 3. **shuttle**: \
         schedules until the first failure over {SEEDS} seeds (median and worst; at most \
         {SHUTTLE_BUDGET} per seed). **real threads**: failures in up to {STD_RUNS} runs of the \
         same program (a run that hangs costs a watchdog, so those stop after {STD_HANGS}).\n"
    )
}

/// Why some checkers miss some bugs, bug by bug.
pub fn blind_spots() -> String {
    let mut out = String::from("## Who finds what, and why not\n\n");
    for bug in BUGS {
        let found: Vec<String> = bug.found_by.iter().map(|c| format!("{c:?}")).collect();
        let _ = writeln!(
            out,
            "- `{}` ({}): found by {}. Others: {}",
            bug.name,
            bug.summary,
            found.join(", "),
            bug.blind_spots
        );
    }
    out
}
