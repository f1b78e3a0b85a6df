//! `cargo drill watch`: re-grade on every save, like a test runner in
//! watch mode. File events come from `notify`; where they do not arrive
//! (some network or container file systems), `r` or Enter re-grades.

use crate::app::{App, Result};
use crate::ui::{self, Input};
use console::style;
use notify::{EventKind, RecursiveMode, Watcher};
use std::sync::mpsc;
use std::time::Duration;

enum Event {
    Saved,
    Key(Input),
}

/// Watches the exercise's file until `q` (or end of input on a pipe).
pub fn run(app: &mut App, id: Option<&str>) -> Result<()> {
    let mut id = app.pick(id)?;
    // Create the file before watching, or its creation counts as a save.
    app.ensure_file(&id)?;
    let (tx, rx) = mpsc::channel();
    let file_tx = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(event.kind, EventKind::Modify(_) | EventKind::Create(_))
            && event
                .paths
                .iter()
                .any(|p| p.extension().is_some_and(|x| x == "rs"))
        {
            let _ = file_tx.send((event.paths.clone(), Event::Saved));
        }
    })?;
    std::fs::create_dir_all(&app.paths.learn)?;
    watcher.watch(&app.paths.learn, RecursiveMode::NonRecursive)?;
    if !ui::interactive() {
        // On a pipe a line may take forever: read lines on their own
        // thread (nothing else reads stdin while watching).
        std::thread::Builder::new()
            .name("lines".into())
            .spawn(move || {
                loop {
                    let input = ui::next_input(Duration::ZERO).unwrap_or(Input::End);
                    if tx.send((Vec::new(), Event::Key(input))).is_err() || input == Input::End {
                        return;
                    }
                }
            })?;
    }
    let mut passed = grade(app, &id)?;
    loop {
        let (paths, event) = if ui::interactive() {
            match rx.try_recv() {
                Ok(event) => event,
                Err(_) => match ui::next_input(Duration::from_millis(150)) {
                    Some(input) => (Vec::new(), Event::Key(input)),
                    None => continue,
                },
            }
        } else {
            match rx.recv() {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        match event {
            Event::Saved => {
                let mine = app.paths.learner_file(&id);
                if !paths.iter().any(|p| p.file_name() == mine.file_name()) {
                    continue;
                }
                // Editors save in bursts: let them settle, then grade once.
                while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
                passed = grade(app, &id)?;
            }
            Event::Key(Input::Char('r') | Input::Enter) => passed = grade(app, &id)?,
            Event::Key(Input::Char('h')) => {
                crate::course::hint(app, Some(&id))?;
                prompt(app, &id, passed);
            }
            Event::Key(Input::Char('n')) if passed => {
                app.progress.current = Some(id.clone());
                crate::course::next(app, false)?;
                id = app.pick(None)?;
                passed = grade(app, &id)?;
            }
            Event::Key(Input::Char('q') | Input::End) => break,
            Event::Key(_) => prompt(app, &id, passed),
        }
    }
    Ok(())
}

fn grade(app: &mut App, id: &str) -> Result<bool> {
    if ui::interactive() {
        let _ = console::Term::stdout().clear_screen();
    }
    let passed = crate::check::run(app, id, &[], None, crate::check::Context::Watch)?.passed();
    prompt(app, id, passed);
    Ok(passed)
}

fn prompt(app: &App, id: &str, passed: bool) {
    let next = if passed { "  [n]ext" } else { "" };
    println!(
        "\n{} {} — [r]e-run  [h]int{next}  [q]uit",
        style("watching").bold(),
        app.paths.show(&app.paths.learner_file(id))
    );
}
