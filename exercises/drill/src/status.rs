//! `cargo drill` with no command, and `cargo drill list`.

use crate::app::{App, Result};
use crate::course::doc_section;
use crate::ui;
use console::style;

/// Progress, the current exercise and what to type next.
pub fn show(app: &App) -> Result<()> {
    let done = app
        .registry
        .course()
        .filter(|e| app.progress.passed(&e.id))
        .count();
    let total = app.registry.course().count();
    println!(
        "{} {} {done}/{total} exercises passed",
        style("cargo drill").bold(),
        ui::bar(done, total, 30)
    );
    println!();
    let Some(exercise) = app.current() else {
        println!("{} Every exercise has passed.", style("✓").green().bold());
        interviews_summary(app);
        return Ok(());
    };
    let file = app.ensure_file(&exercise.id)?;
    // The registry's title, as `list` shows it: one name per exercise.
    let title = &exercise.title;
    println!(
        "{} {} — {}",
        style("Current:").bold(),
        style(&exercise.id).cyan().bold(),
        title
    );
    println!(
        "  {} · {} · difficulty {} · about {} min · graded by {}{}",
        part_name(&exercise.part),
        exercise.topic,
        "★".repeat(exercise.difficulty.into()),
        exercise.minutes,
        exercise.checkers.join(" + "),
        if exercise.classic {
            " · trace validity"
        } else {
            ""
        }
    );
    for line in crate::sections::book_lines(&app.paths.root, &exercise.syllabus) {
        println!("  {line}");
    }
    println!("  edit {}", style(app.paths.show(&file)).underlined());
    if let Some(task) = doc_section(&file, "Your task") {
        println!();
        for line in task.lines() {
            println!("  {line}");
        }
    }
    println!();
    ui::next_steps(&[
        (
            "cargo drill check",
            &format!("grade it under {}", checkers(&exercise.checkers)),
        ),
        ("cargo drill watch", "re-grade on every save"),
        ("cargo drill hint", "reveal the next hint"),
        ("cargo drill list", "every exercise and its status"),
        ("cargo drill interview", "a timed interview drill"),
    ]);
    interviews_summary(app);
    Ok(())
}

/// A part's name, as `list` heads it and the status line shows it.
fn part_name(part: &str) -> String {
    match part {
        "I" => "Part I: foundations".to_owned(),
        "II" => "Part II: the request executor".to_owned(),
        "III" => "Part III: beyond threads".to_owned(),
        "craft" => "Interview craft: reading reports, reviewing code".to_owned(),
        "ordering" => "Memory ordering, graded by loom".to_owned(),
        "interview" => "Interview drills (code; run them with `cargo drill interview`)".to_owned(),
        other => format!("Part {other}"),
    }
}

/// "std, shuttle and loom".
fn checkers(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn interviews_summary(app: &App) {
    if app.progress.interviews.is_empty() {
        return;
    }
    println!();
    ui::heading("Interview drills");
    let width = ui::id_width(app.registry.drills.iter().map(|d| d.id.as_str()));
    for drill in &app.registry.drills {
        if let Some(line) = crate::interview::best_and_latest(app, &drill.id) {
            println!("  {:<width$} {line}", drill.id);
        }
    }
}

/// Every exercise by part and topic, with its status.
pub fn list(app: &App) -> Result<()> {
    let current = app.current().map(|e| e.id.clone());
    // Widths from the data: a long id must not push its title out of line.
    let width = ui::id_width(app.registry.exercises.iter().map(|e| e.id.as_str()));
    let number = app.registry.exercises.len().to_string().len();
    let mut last = (String::new(), String::new());
    for (n, e) in app.registry.exercises.iter().enumerate() {
        if last.0 != e.part {
            println!();
            ui::heading(&part_name(&e.part));
        }
        if last.1 != e.topic || last.0 != e.part {
            println!("  {}", style(&e.topic).bold());
        }
        last = (e.part.clone(), e.topic.clone());
        let progress = app.progress.exercises.get(&e.id);
        let status = match progress {
            Some(p) if p.passed => style("✓ passed ").green(),
            Some(p) if p.skipped => style("» skipped").yellow(),
            Some(p) if p.attempts > 0 => style("• tried  ").yellow(),
            _ => style("         ").dim(),
        };
        let marker = if current.as_deref() == Some(e.id.as_str()) {
            "▸"
        } else {
            " "
        };
        println!(
            "  {marker} {status} {:>number$}. {:<width$} {:<3} {}{}",
            n + 1,
            style(&e.id).cyan(),
            "★".repeat(e.difficulty.into()),
            e.title,
            if e.classic {
                style(" (classic)").dim().to_string()
            } else {
                String::new()
            }
        );
    }
    println!();
    ui::heading("Code review (`cargo drill review`): spot the bug in a wrong answer");
    match app.progress.reviews.last() {
        None => println!("  not tried yet"),
        Some(last) => {
            let found = last.items.iter().filter(|i| i.found).count();
            println!(
                "  {} session(s); the last found {found} bug(s) of {}",
                app.progress.reviews.len(),
                last.items.len()
            );
        }
    }
    Ok(())
}
