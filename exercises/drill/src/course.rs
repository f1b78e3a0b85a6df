//! Moving through the course: hints, reset, solutions, next and skip.

use crate::app::{App, Result};
use crate::ui;
use console::style;
use std::path::Path;

/// The text under `## <heading>` in a file's `//!` doc comment.
pub fn doc_section(file: &Path, heading: &str) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let doc: Vec<&str> = text
        .lines()
        .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let start = doc
        .iter()
        .position(|l| l.trim() == format!("## {heading}"))?;
    let body: Vec<&str> = doc[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with("## "))
        .copied()
        .collect();
    Some(body.join("\n").trim().to_owned())
}

/// `cargo drill hint`: reveals the next hint, showing the earlier ones too.
pub fn hint(app: &mut App, id: Option<&str>) -> Result<()> {
    let id = app.pick(id)?;
    let hints = app.exercise(&id)?.hints.clone();
    let entry = app.progress.exercise(&id);
    let already = entry.hints;
    entry.hints = (entry.hints + 1).min(hints.len());
    let shown = entry.hints;
    app.save()?;
    ui::heading(&format!("Hints for {id}"));
    for (i, hint) in hints.iter().take(shown).enumerate() {
        let label = format!("{}/{}", i + 1, hints.len());
        let label = if i + 1 == shown && shown > already {
            style(label).yellow().bold()
        } else {
            style(label).dim()
        };
        println!("{label} {hint}");
    }
    if shown == hints.len() && already == shown {
        let suite = app.paths.refresh_suite(&id)?;
        println!(
            "{}",
            style(format!(
                "That was the last hint. The scenarios in {} say exactly what is checked.",
                app.paths.show(&suite)
            ))
            .dim()
        );
    }
    Ok(())
}

/// `cargo drill reset`: restores the skeleton after asking.
pub fn reset(app: &mut App, id: &str, yes: bool) -> Result<()> {
    let id = app.exercise(id)?.id.clone();
    let file = app.paths.learner_file(&id);
    let shown = app.paths.show(&file);
    if file.exists()
        && !yes
        && !ui::confirm(
            &format!("Replace {shown} with the pristine skeleton? Your changes are lost."),
            false,
        )
    {
        println!("Left {shown} as it was.");
        return Ok(());
    }
    std::fs::create_dir_all(&app.paths.learn)?;
    std::fs::write(&file, app.paths.pristine(&id)?)?;
    println!(
        "{} {shown} is the pristine skeleton again.",
        style("✓").green().bold()
    );
    Ok(())
}

/// `cargo drill solution`: the reference, only once the exercise passed.
pub fn solution(app: &mut App, id: &str) -> Result<()> {
    let exercise = app.exercise(id)?.clone();
    if !app.progress.passed(&exercise.id) {
        return Err(format!(
            "{} has not passed yet: the solution opens once `cargo drill check {}` passes \
             (stuck? `cargo drill hint {}`)",
            exercise.id, exercise.id, exercise.id
        )
        .into());
    }
    let file = app.paths.solution(&exercise.id);
    ui::heading(&format!("Reference solution: {}", app.paths.show(&file)));
    println!("{}", std::fs::read_to_string(&file)?);
    ui::heading("Common mistakes this exercise's suite catches");
    for wrong in &exercise.wrong {
        println!(
            "  - {} {}",
            wrong.bug,
            style(format!("(caught by {})", wrong.caught_by.join(", "))).dim()
        );
    }
    Ok(())
}

/// `cargo drill next` / `skip`: moves to the next exercise in course order.
pub fn next(app: &mut App, skip: bool) -> Result<()> {
    let current = app.pick(None)?;
    if !skip && !app.progress.passed(&current) {
        return Err(format!(
            "{current} has not passed yet: `cargo drill check` it, or `cargo drill skip` to move on anyway"
        )
        .into());
    }
    if skip && !app.progress.passed(&current) {
        app.progress.exercise(&current).skipped = true;
    }
    let course: Vec<String> = app.registry.course().map(|e| e.id.clone()).collect();
    let at = course.iter().position(|e| *e == current).unwrap_or(0);
    let next = course
        .iter()
        .skip(at + 1)
        .chain(course.iter().take(at))
        .find(|e| !app.progress.passed(e))
        .cloned();
    match next {
        Some(next) => go(app, &next),
        None => {
            app.progress.current = None;
            app.save()?;
            println!(
                "{} Every exercise has passed. Try `cargo drill interview`.",
                style("✓").green().bold()
            );
            Ok(())
        }
    }
}

/// `cargo drill go`: makes `id` current and shows it.
pub fn go(app: &mut App, id: &str) -> Result<()> {
    let id = app.exercise(id)?.id.clone();
    app.progress.current = Some(id.clone());
    app.ensure_file(&id)?;
    app.save()?;
    crate::status::show(app)
}

/// `cargo drill verify`: the authoring check, as CI runs it.
pub fn verify() -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = std::process::Command::new(cargo)
        .args(["test", "-p", "exercises"])
        .current_dir(exercises::root())
        .status()?;
    if !status.success() {
        return Err("the authoring check failed (see above)".into());
    }
    Ok(())
}
