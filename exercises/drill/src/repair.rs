//! `cargo drill repair`: rebuild a damaged or missing progress file
//! without losing work: restore the last good copy, or re-grade every file
//! the learner changed.

use crate::app::{App, Result};
use crate::check::grade_quietly;
use crate::paths::Paths;
use crate::state::{self, Progress};
use console::style;
use exercises::registry::Registry;

/// Repairs the progress file, keeping the damaged one beside it.
pub fn run() -> Result<()> {
    let paths = Paths::discover();
    let registry = Registry::load(&paths.exercises)?;
    let file = paths.progress();
    match Progress::load(&file) {
        Ok(_) => {
            println!(
                "{} {} is fine: nothing to repair.",
                style("✓").green().bold(),
                paths.show(&file)
            );
            return Ok(());
        }
        Err(e) => println!("{e}\n"),
    }
    if file.exists() {
        let kept = file.with_extension(format!(
            "toml.damaged-{}",
            jiff::Timestamp::now().as_second()
        ));
        std::fs::rename(&file, &kept)?;
        println!("Kept the damaged file as {}.", paths.show(&kept));
    }
    let backup = state::backup(&file);
    if let Some(good) = std::fs::read_to_string(&backup)
        .ok()
        .and_then(|t| state::parse(&t).ok())
    {
        good.save(&file)?;
        println!(
            "{} Restored {} from the last good copy ({}); at most the last change is lost.",
            style("✓").green().bold(),
            paths.show(&file),
            paths.show(&backup)
        );
        return Ok(());
    }
    println!("No good copy to restore: rebuilding by re-grading the files you changed.");
    let mut app = App {
        paths,
        registry,
        progress: Progress::new(),
    };
    let ids: Vec<String> = app
        .registry
        .exercises
        .iter()
        .map(|e| e.id.clone())
        .collect();
    for id in ids {
        let learner = app.paths.learner_file(&id);
        let Ok(text) = std::fs::read_to_string(&learner) else {
            continue;
        };
        let pristine = app.paths.pristine(&id).unwrap_or_default();
        if text == pristine {
            continue;
        }
        let (outcome, _) = grade_quietly(&app, &id, &[], None)?;
        let entry = app.progress.exercise(&id);
        entry.attempts = 1;
        entry.passed = outcome.passed();
        entry.last_passed = entry.passed;
        if entry.passed {
            entry.passed_at = Some(jiff::Timestamp::now());
        }
    }
    app.progress.current = app
        .registry
        .course()
        .find(|e| !app.progress.passed(&e.id))
        .map(|e| e.id.clone());
    app.save()?;
    let passed = app.progress.exercises.values().filter(|e| e.passed).count();
    println!(
        "{} Rebuilt {}: {passed} exercise(s) pass. Hint counts and interview history could not be recovered.",
        style("✓").green().bold(),
        app.paths.show(&file)
    );
    Ok(())
}
