//! The stages of a drill that grows one codebase (the full round: the
//! executor, then partitioning, then backpressure). Two things set a
//! staged drill apart: the clock says which stage the learner should be
//! on, and a check grades each stage on its own, so that at minute 25 a
//! learner on schedule sees stage 1 pass and stage 2 still to do, not one
//! failure report about code nobody expected yet.

use crate::app::{App, Result};
use crate::grade::{self, Request};
use console::style;
use exercises::registry::{Drill, PlanStep, Stage};
use exercises::suite::Checker;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

/// Where the clock is in a staged drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// Inside stage `index` (from 0), with `left` seconds of it to go.
    In { index: usize, left: u64 },
    /// Past the last stage's end: the rest of the plan (tests, discussion).
    After,
}

/// Where `elapsed` seconds fall among `stages`, which run back to back
/// from minute 0.
pub fn position(stages: &[Stage], elapsed: u64) -> Position {
    let mut end = 0;
    for (index, stage) in stages.iter().enumerate() {
        end += u64::from(stage.minutes) * 60;
        if elapsed < end {
            return Position::In {
                index,
                left: end - elapsed,
            };
        }
    }
    Position::After
}

/// The stage line of the countdown: "stage 2 of 3 (title): 04:10 left in
/// it", or, past the stages, the plan's step for the current minute.
pub fn describe(drill: &Drill, plan: &[PlanStep], elapsed: u64) -> String {
    match position(&drill.stage, elapsed) {
        Position::In { index, left } => format!(
            "stage {} of {} ({}): {} left in it",
            index + 1,
            drill.stage.len(),
            drill.stage[index].title,
            clock(left)
        ),
        Position::After => {
            let mut end = 0;
            let step = plan.iter().find(|s| {
                end += u64::from(s.minutes) * 60;
                elapsed < end
            });
            match step {
                Some(step) => format!("every stage's time is up; the plan says: {}", step.step),
                None => "every stage's time is up".to_owned(),
            }
        }
    }
}

/// One scenario's verdict.
enum Verdict {
    Pass,
    /// It reached a `todo!()`: that code is not written yet.
    Todo,
    /// It failed under `checker`, with the report.
    Fail {
        checker: Checker,
        report: String,
    },
}

/// Grades the drill's file scenario by scenario and prints the results by
/// stage; returns whether every stage passes, and one line per stage. A
/// file that breaks the discipline or does not compile is graded as any
/// check is, so the learner sees the usual messages.
pub fn check(app: &mut App, drill: &Drill, elapsed: u64) -> Result<(bool, Vec<String>)> {
    let id = drill.exercise.as_str();
    let file = app.ensure_file(id)?;
    let source = std::fs::read_to_string(&file)?;
    let built = if drill::discipline::scan(&source).is_empty() {
        grade::build(&app.paths, id, &file)?.ok()
    } else {
        None
    };
    let Some(binary) = built else {
        let outcome = crate::check::run(app, id, &[], None, crate::check::Context::Interview)?;
        let line = match &outcome {
            grade::Outcome::Graded(results) => results.iter().map(|r| r.summary()).collect(),
            _ => vec!["does not compile, or uses primitives the checkers cannot see".to_owned()],
        };
        return Ok((outcome.passed(), line));
    };
    println!(
        "{} {} ({}), stage by stage",
        style("Checking").bold(),
        style(id).cyan().bold(),
        app.paths.show(&file)
    );
    let checkers = crate::check::checkers_of(app, id)?;
    let spins = app.registry.exercise(id).is_some_and(|e| e.spins);
    let names = grade::scenarios(&binary)?;
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("  {spinner} {msg} {elapsed}").expect("a valid template"),
    );
    spinner.enable_steady_tick(Duration::from_millis(120));
    // A scenario no stage names is graded too, in a group of its own:
    // leaving it out would pass a file it fails.
    let mut stages = drill.stage.clone();
    let staged = |n: &String| stages.iter().any(|s| short(n).starts_with(&s.scenarios));
    if !names.iter().all(staged) {
        stages.push(Stage {
            title: "scenarios of no stage".to_owned(),
            minutes: 0,
            scenarios: String::new(),
        });
    }
    let mut groups: Vec<(String, Vec<(String, Verdict)>)> = Vec::new();
    for i in 0..stages.len() {
        spinner.set_message(format!("grading stage {}", i + 1));
        let mut verdicts = Vec::new();
        let mine = |n: &&String| match drill.stage.get(i) {
            Some(stage) => short(n).starts_with(&stage.scenarios),
            None => !drill
                .stage
                .iter()
                .any(|s| short(n).starts_with(&s.scenarios)),
        };
        for name in names.iter().filter(mine) {
            let request = Request {
                id,
                file: &file,
                checkers: checkers.clone(),
                scenario: Some(name),
                spins,
            };
            let verdict = grade_one(&binary, &request)?;
            verdicts.push((short(name).to_owned(), verdict));
        }
        let group = if i < drill.stage.len() {
            format!("stage {}", i + 1)
        } else {
            "other".to_owned()
        };
        groups.push((group, verdicts));
    }
    spinner.finish_and_clear();
    let due = match position(&drill.stage, elapsed) {
        Position::In { index, .. } => index,
        Position::After => drill.stage.len(),
    };
    let lines: Vec<String> = groups
        .iter()
        .zip(&stages)
        .map(|((name, verdicts), stage)| stage_line(name, stage, verdicts, &checkers))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let not_due = if i > due {
            style(" (not due yet)").dim().to_string()
        } else {
            String::new()
        };
        println!("  {line}{not_due}");
    }
    // One report, of the earliest real failure in a stage that is due.
    let failure = groups
        .iter()
        .take(due + 1)
        .flat_map(|(_, v)| v)
        .find_map(|(name, v)| match v {
            Verdict::Fail { checker, report } => Some((name, checker, report)),
            _ => None,
        });
    if let Some((name, checker, report)) = failure {
        let root = format!("{}/", app.paths.root.display());
        println!("{} {name} under {checker}:", style("First failure").bold());
        println!("{}", crate::frames::shorten(&report.replace(&root, "")));
    } else {
        let todos = crate::check::todo_lines(&file);
        if let Some(first) = todos.first() {
            println!(
                "  {} {} still has todo!() at line {first} (and {} more), the earliest code still to write.",
                style("next:").yellow().bold(),
                app.paths.show(&file),
                todos.len() - 1
            );
        }
    }
    let passed = groups
        .iter()
        .all(|(_, v)| v.iter().all(|(_, v)| matches!(v, Verdict::Pass)));
    // Every scenario of every stage was graded: a pass is the exercise's.
    crate::check::record_result(app, id, passed)?;
    // Kept in the history as plain text, whatever the terminal.
    let plain = lines
        .iter()
        .map(|l| console::strip_ansi_codes(l).into_owned())
        .collect();
    Ok((passed, plain))
}

/// Runs one scenario under each checker in turn, up to its first failure.
fn grade_one(binary: &std::path::Path, request: &Request<'_>) -> Result<Verdict> {
    for &checker in &request.checkers {
        let result = grade::run(binary, request, checker)?;
        if !result.passed {
            let report = result.report.unwrap_or_default();
            return Ok(if report.contains("not yet implemented") {
                Verdict::Todo
            } else {
                Verdict::Fail { checker, report }
            });
        }
    }
    Ok(Verdict::Pass)
}

/// "stage 2 (title): 1 of 3 scenarios fail: stage2_x (loom)".
fn stage_line(
    name: &str,
    stage: &Stage,
    verdicts: &[(String, Verdict)],
    checkers: &[Checker],
) -> String {
    let total = verdicts.len();
    let failed: Vec<String> = verdicts
        .iter()
        .filter_map(|(n, v)| match v {
            Verdict::Fail { checker, .. } => Some(format!("{n} ({checker})")),
            _ => None,
        })
        .collect();
    let todo = verdicts
        .iter()
        .filter(|(_, v)| matches!(v, Verdict::Todo))
        .count();
    let head = format!("{name} ({})", stage.title);
    if total == 0 {
        return format!(
            "{} {head}: no scenario is named {}*",
            style("?").yellow().bold(),
            stage.scenarios
        );
    }
    if failed.is_empty() && todo == 0 {
        let under: Vec<&str> = checkers.iter().map(|c| c.name()).collect();
        return format!(
            "{} {head}: passes ({total} scenarios under {})",
            style("✓").green().bold(),
            under.join(", ")
        );
    }
    if failed.is_empty() {
        return format!(
            "{} {head}: to do ({todo} of {total} scenarios reach a todo!())",
            style("·").yellow().bold()
        );
    }
    let todo = if todo > 0 {
        format!("; {todo} reach a todo!()")
    } else {
        String::new()
    };
    format!(
        "{} {head}: {} of {total} scenarios fail: {}{todo}",
        style("✗").red().bold(),
        failed.len(),
        failed.join(", ")
    )
}

/// A scenario's name without its exercise: `stage1_...`.
fn short(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(_, s)| s)
}

/// `mm:ss`, as the countdown shows time.
pub fn clock(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}
