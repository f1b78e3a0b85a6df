//! The coding part of an interview drill: a visible countdown (a bar on a
//! terminal, a line per stage on a pipe) during which the learner checks,
//! asks for hints, moves on to the follow-ups or pauses; a pass graded
//! from another terminal counts too.

use crate::app::{App, Result};
use crate::grade::Outcome;
use crate::interview::resume_command;
use crate::python::PyDrill;
use crate::stages::clock;
use crate::ui::{self, Input};
use console::style;
use exercises::registry::Drill;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use std::time::Duration;

/// The coding part: returns whether it passed, the seconds used, and the
/// last grading's lines.
pub(crate) fn run(
    app: &mut App,
    drill: &Drill,
    started: Timestamp,
    py: Option<&PyDrill>,
) -> Result<(bool, u64, Vec<String>)> {
    let limit = u64::from(drill.minutes) * 60;
    let elapsed = || Timestamp::now().duration_since(started).as_secs().max(0) as u64;
    let bar = ProgressBar::new(limit);
    bar.set_style(
        ProgressStyle::with_template("{prefix} [{bar:30.cyan/blue}] {msg}")
            .expect("a valid template"),
    );
    bar.set_prefix("⏱");
    let keys_help = "[c]heck  [h]int  [d]one, go to follow-ups  [q]uit (resume later)";
    let staged = !drill.stage.is_empty() && py.is_none();
    let plan = app.registry.plan.clone();
    let stage_now = |used: u64| crate::stages::describe(drill, &plan, used);
    let tick = |bar: &ProgressBar| {
        let used = elapsed().min(limit);
        bar.set_position(used);
        let stage = if staged {
            format!(" · {}", stage_now(used))
        } else {
            String::new()
        };
        bar.set_message(format!("{} left{stage} · {keys_help}", clock(limit - used)));
    };
    if !ui::interactive() {
        println!("{keys_help} (one letter per line)");
    }
    // On a pipe the bar is hidden: say where the clock is at the start,
    // after each check, and whenever it enters another stage.
    let mut shown_stage = None;
    let mut announce = |bar: &ProgressBar, always: bool| {
        let used = elapsed().min(limit);
        let stage = match crate::stages::position(&drill.stage, used) {
            crate::stages::Position::In { index, .. } => Some(index),
            crate::stages::Position::After => None,
        };
        if staged && bar.is_hidden() && (always || shown_stage != Some(stage)) {
            println!("⏱ {} left · {}", clock(limit - used), stage_now(used));
        }
        shown_stage = Some(stage);
    };
    tick(&bar);
    announce(&bar, true);
    let mut last: Vec<String> = Vec::new();
    let mut hints_shown = 0;
    let passed = loop {
        match (ui::next_input(Duration::from_secs(1)), py) {
            (Some(Input::Char('c')), Some(py)) => {
                let file = py.learner_file(&app.paths);
                let graded = bar.suspend(|| crate::python::grade(&app.paths, py, &file, None))?;
                last = graded.summary();
                if graded.passed {
                    break true;
                }
            }
            (Some(Input::Char('c')), None) if staged => {
                let used = elapsed().min(limit);
                let (passed, lines) = bar.suspend(|| crate::stages::check(app, drill, used))?;
                last = lines;
                if passed {
                    break true;
                }
                announce(&bar, true);
            }
            (Some(Input::Char('c')), None) => {
                let outcome = bar.suspend(|| {
                    crate::check::run(
                        app,
                        &drill.exercise,
                        &[],
                        None,
                        crate::check::Context::Interview,
                    )
                })?;
                if let Outcome::Graded(results) = &outcome {
                    last = results.iter().map(|r| r.summary()).collect();
                }
                if outcome.passed() {
                    break true;
                }
            }
            (Some(Input::Char('h')), Some(py)) => bar.suspend(|| py.next_hint(&mut hints_shown)),
            (Some(Input::Char('h')), None) => {
                bar.suspend(|| crate::course::hint(app, Some(&drill.exercise)))?
            }
            (Some(Input::Char('d')), _) => break false,
            (Some(Input::Char('q') | Input::End), _) => {
                // Printed, not left in the bar: a hidden bar (on a pipe)
                // would swallow it.
                bar.finish_and_clear();
                println!(
                    "paused: `{}` resumes the countdown ({} left; it keeps running meanwhile)",
                    resume_command(&drill.id, py.is_some()),
                    clock(limit - elapsed().min(limit))
                );
                std::process::exit(0);
            }
            _ => {}
        }
        // A pass graded from another terminal counts too (the Rust
        // version's: the Python grading keeps no progress).
        if py.is_none()
            && let Ok(progress) = crate::state::Progress::load(&app.paths.progress())
            && let Some(entry) = progress.exercises.get(&drill.exercise)
            && entry.last_passed
            && entry.last_check.is_some_and(|t| t > started)
        {
            last = vec!["passed with `cargo drill check` in another terminal".to_owned()];
            break true;
        }
        if elapsed() >= limit {
            bar.abandon_with_message("time is up");
            return Ok((false, limit, last));
        }
        tick(&bar);
        announce(&bar, false);
    };
    bar.finish_and_clear();
    let used = elapsed().min(limit);
    if passed {
        println!(
            "{} Code passes after {}.",
            style("✓").green().bold(),
            clock(used)
        );
    }
    Ok((passed, used, last))
}
