//! `cargo drill check`: grade one exercise and say what to do next.

use crate::app::{App, Result};
use crate::grade::{self, CheckerResult, Outcome, Request};
use crate::ui;
use console::style;
use exercises::suite::Checker;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::{Duration, Instant};

/// Where a check runs, which decides what it suggests next: a command to
/// type, or a key to press in `watch` and in an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// `cargo drill check`.
    Command,
    /// `cargo drill watch`: `h` hint, `n` next, a save re-grades.
    Watch,
    /// An interview's countdown: `h` hint, `c` check.
    Interview,
}

/// The checkers named on the command line: a family (`std`, `shuttle`,
/// `loom`, as the status line lists them) or one checker
/// (`shuttle-random`, `shuttle-pct`), in grading order.
pub fn parse_checkers(names: &[String]) -> Result<Vec<Checker>> {
    let mut checkers = Vec::new();
    for name in names {
        match Checker::family(name) {
            Some(family) => checkers.extend_from_slice(family),
            None => checkers.push(name.parse::<Checker>().map_err(|_| {
                format!(
                    "unknown checker {name:?}: use std, shuttle (both schedulers), \
                     shuttle-random, shuttle-pct or loom"
                )
            })?),
        }
    }
    checkers.sort();
    checkers.dedup();
    Ok(checkers)
}

/// The checkers an exercise lists, in grading order.
pub fn checkers_of(app: &App, id: &str) -> Result<Vec<Checker>> {
    let exercise = app.exercise(id)?;
    Ok(Checker::expand(
        exercise.checkers.iter().map(String::as_str),
    ))
}

/// Grades exercise `id` (only `only` checkers if given), prints the
/// outcome, records it, and returns it. A `scenario` the suite does not
/// have is an error, not a pass of nothing.
pub fn run(
    app: &mut App,
    id: &str,
    only: &[Checker],
    scenario: Option<&str>,
    context: Context,
) -> Result<Outcome> {
    let (outcome, elapsed) = grade_quietly(app, id, only, scenario)?;
    if let Outcome::UnknownScenario { asked, known } = &outcome {
        return Err(format!(
            "{id} has no scenario called {asked:?}; its scenarios are:\n  {}",
            known.join("\n  ")
        )
        .into());
    }
    let complete = only.is_empty() && scenario.is_none();
    record(app, id, &outcome, complete)?;
    explain(app, id, &outcome, elapsed, complete, context);
    Ok(outcome)
}

/// Grades with a spinner, printing one line per checker as it finishes.
pub fn grade_quietly(
    app: &App,
    id: &str,
    only: &[Checker],
    scenario: Option<&str>,
) -> Result<(Outcome, Duration)> {
    let file = app.ensure_file(id)?;
    let listed = checkers_of(app, id)?;
    let checkers: Vec<Checker> = if only.is_empty() {
        listed
    } else {
        only.to_vec()
    };
    println!(
        "{} {} ({})",
        style("Checking").bold(),
        style(id).cyan().bold(),
        app.paths.show(&file)
    );
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("  {spinner} {msg} {elapsed}").expect("a valid template"),
    );
    spinner.enable_steady_tick(Duration::from_millis(120));
    if let Some(file) = std::env::var_os("CHECK_REPLAY") {
        println!(
            "  replaying the saved schedule {}: one recorded execution, not a new search",
            app.paths.show(std::path::Path::new(&file))
        );
    }
    let first_build = !app.paths.drill_target.join("build").exists();
    spinner.set_message(if first_build {
        "building the grader (the first time builds loom and shuttle: about a minute)".to_owned()
    } else {
        format!("compiling, then grading under {}", names(&checkers))
    });
    let started = Instant::now();
    let request = Request {
        id,
        file: &file,
        checkers,
        scenario,
        spins: app.registry.exercise(id).is_some_and(|e| e.spins),
    };
    let outcome = grade::grade(&app.paths, &request, |result| {
        if spinner.is_hidden() {
            println!("{}", line(result));
        } else {
            spinner.println(line(result));
        }
    });
    spinner.finish_and_clear();
    Ok((outcome?, started.elapsed()))
}

fn names(checkers: &[Checker]) -> String {
    checkers
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One checker's line.
pub fn line(result: &CheckerResult) -> String {
    let mark = if result.passed {
        style("✓").green().bold()
    } else {
        style("✗").red().bold()
    };
    format!("  {mark} {}", result.summary())
}

fn record(app: &mut App, id: &str, outcome: &Outcome, complete: bool) -> Result<()> {
    record_result(app, id, outcome.passed() && complete)
}

/// Records a check of `id` in the progress file: an attempt, and a pass
/// if `passed` (a complete grade that passed every checker).
pub(crate) fn record_result(app: &mut App, id: &str, passed: bool) -> Result<()> {
    let now = jiff::Timestamp::now();
    let entry = app.progress.exercise(id);
    entry.attempts += 1;
    entry.last_check = Some(now);
    entry.last_passed = passed;
    if entry.last_passed && !entry.passed {
        entry.passed = true;
        entry.skipped = false;
        entry.passed_at = Some(now);
    }
    app.save()
}

fn explain(
    app: &App,
    id: &str,
    outcome: &Outcome,
    elapsed: Duration,
    complete: bool,
    context: Context,
) {
    let file = app.paths.show(&app.paths.learner_file(id));
    match outcome {
        Outcome::UnknownScenario { .. } => {}
        Outcome::Discipline(violations) => {
            println!(
                "{} {file} uses primitives the model checkers cannot see:",
                style("✗").red().bold()
            );
            for v in violations {
                println!("  {v}");
            }
        }
        Outcome::Compile(messages) => {
            println!("{messages}");
            println!(
                "{} {file} does not compile yet (messages above).",
                style("✗").red().bold()
            );
        }
        Outcome::Graded(results) if outcome.passed() => {
            let what = if complete {
                "every checker"
            } else {
                "the checkers you picked"
            };
            println!(
                "{} {} passes under {what} ({}) in {:.1} s.",
                style("✓").green().bold(),
                style(id).cyan().bold(),
                results
                    .iter()
                    .map(|r| r.checker.name())
                    .collect::<Vec<_>>()
                    .join(", "),
                elapsed.as_secs_f64()
            );
            let interview = app.exercise(id).is_ok_and(|e| e.part == "interview");
            if complete && !interview && context != Context::Interview {
                let done = app
                    .registry
                    .course()
                    .filter(|e| app.progress.passed(&e.id))
                    .count();
                let total = app.registry.course().count();
                println!("Progress {} {done}/{total}", ui::bar(done, total, 30));
                let next = match context {
                    Context::Watch => "[n]",
                    _ => "cargo drill next",
                };
                ui::next_steps(&[
                    (
                        &format!("cargo drill solution {id}"),
                        "compare with the reference and the common mistakes",
                    ),
                    (next, "move on to the next exercise"),
                ]);
            }
        }
        Outcome::Graded(results) => {
            if let Some(report) = results.iter().find_map(|r| r.report.as_deref()) {
                // Paths as the learner sees them: relative to the workspace.
                let root = format!("{}/", app.paths.root.display());
                println!("{}", crate::frames::shorten(&report.replace(&root, "")));
            }
            let todos = todo_lines(&app.paths.learner_file(id));
            if !todos.is_empty() {
                println!(
                    "{} {file} still has todo!() at line {}.",
                    style("note:").yellow().bold(),
                    todos
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let shown = app.progress.exercises.get(id).map_or(0, |e| e.hints);
            let total = app.exercise(id).map_or(0, |e| e.hints.len());
            let hint = if shown < total {
                format!("reveal hint {} of {total}", shown + 1)
            } else {
                format!("all {total} hints are shown; read them again")
            };
            let (hint_key, again, again_what) = match context {
                Context::Command => (
                    format!("cargo drill hint {id}"),
                    format!("cargo drill check {id}"),
                    "grade again after your fix",
                ),
                Context::Watch => (
                    "[h]".to_owned(),
                    "save the file".to_owned(),
                    "grades again ([r] re-grades now)",
                ),
                Context::Interview => (
                    "[h]".to_owned(),
                    "[c]".to_owned(),
                    "grade again after your fix",
                ),
            };
            ui::next_steps(&[(&hint_key, hint.as_str()), (&again, again_what)]);
        }
    }
}

/// Lines of `file` that still call `todo!()`.
pub fn todo_lines(file: &std::path::Path) -> Vec<usize> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("todo!(") && !l.trim_start().starts_with("//"))
        .map(|(i, _)| i + 1)
        .collect()
}
