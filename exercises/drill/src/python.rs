//! The Python 3.8 path of the interview drills (`--python`): the statement
//! and skeleton from `exercises/python/drills/<id>/`, the learner's file
//! `learn/<id>.py`, and grading by the stdlib harness in
//! `exercises/python/harness/`, which samples schedules of real CPython
//! threads (it cannot explore them the way loom does).

use crate::app::{App, Result};
use crate::paths::Paths;
use console::style;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A grading that takes longer than this is stopped (the harness has its
/// own per-round watchdog; this only guards against a stuck interpreter).
const LIMIT: Duration = Duration::from_secs(300);

/// One drill's Python material.
pub struct PyDrill {
    /// The drill's id (`executor`), also the stem of the learner's file.
    pub id: String,
    dir: PathBuf,
}

impl PyDrill {
    /// The drill `id` (or its exercise's id, `interview_<id>`), if it has
    /// a Python version.
    pub fn find(paths: &Paths, id: &str) -> Result<Self> {
        let id = id.strip_prefix("interview_").unwrap_or(id);
        let dir = drills_dir(paths).join(id);
        if dir.join("skeleton.py").is_file() {
            return Ok(Self {
                id: id.to_owned(),
                dir,
            });
        }
        Err(format!(
            "no Python version of drill {id:?}; the drills with one: {}",
            available(paths).join(", ")
        )
        .into())
    }

    /// The problem as the learner reads it.
    pub fn statement(&self) -> Result<String> {
        Ok(std::fs::read_to_string(self.dir.join("statement.md"))?)
    }

    /// The skeleton the learner starts from.
    pub fn skeleton(&self) -> Result<String> {
        Ok(std::fs::read_to_string(self.dir.join("skeleton.py"))?)
    }

    /// The hints, in order (paragraphs of `hints.md`).
    pub fn hints(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("hints.md"))
            .unwrap_or_default()
            .split("\n\n")
            .map(|h| h.trim().replace('\n', " "))
            .filter(|h| !h.is_empty())
            .collect()
    }

    /// Prints hint number `shown + 1` (or says there are no more) and
    /// counts it.
    pub fn next_hint(&self, shown: &mut usize) {
        let hints = self.hints();
        match hints.get(*shown) {
            Some(hint) => {
                *shown += 1;
                println!(
                    "{} {hint}",
                    style(format!("Hint {}/{}:", *shown, hints.len())).yellow()
                );
            }
            None => println!("No more hints: {} shown.", hints.len()),
        }
    }

    /// The learner's file, `learn/<id>.py`.
    pub fn learner_file(&self, paths: &Paths) -> PathBuf {
        paths.learn.join(format!("{}.py", self.id))
    }

    /// The command that grades the learner's file, for replay lines.
    pub fn check_command(&self) -> String {
        format!("cargo drill check {} --python", self.id)
    }
}

fn drills_dir(paths: &Paths) -> PathBuf {
    paths.exercises.join("python").join("drills")
}

/// The ids of the drills with a Python version, sorted.
pub fn available(paths: &Paths) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(drills_dir(paths))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("skeleton.py").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// The interpreter: `DRILL_PYTHON`, or `python3` on the PATH.
fn interpreter() -> String {
    std::env::var("DRILL_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// What one grading printed and whether it passed.
pub struct Graded {
    /// Whether every round passed.
    pub passed: bool,
    /// The harness's report, as printed.
    pub report: String,
}

impl Graded {
    /// The lines worth keeping in the history: the verdict and the
    /// invariant, seed and replay lines of a failure.
    pub fn summary(&self) -> Vec<String> {
        self.report
            .lines()
            .map(str::trim)
            .filter(|l| {
                ["✓", "✗", "invariant:", "seed:", "replay:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .map(|l| format!("python: {l}"))
            .collect()
    }
}

/// Grades `file` as drill `drill` and prints the report.
pub fn grade(paths: &Paths, drill: &PyDrill, file: &Path, seed: Option<u64>) -> Result<Graded> {
    let harness = paths
        .exercises
        .join("python")
        .join("harness")
        .join("grade.py");
    let python = interpreter();
    let mut command = Command::new(&python);
    command
        .arg(&harness)
        .arg(&drill.id)
        .arg(file)
        .arg("--replay")
        .arg(drill.check_command())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(&paths.root);
    if let Some(seed) = seed {
        command.arg("--seed").arg(seed.to_string());
    }
    let finished = crate::process::run_limited(command, LIMIT).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "{python} was not found: the Python drills need Python 3.8 or newer \
                 (install python3, e.g. `apt-get install python3`, or set DRILL_PYTHON \
                 to an interpreter)"
            )
        } else {
            format!("could not run {python}: {e}")
        }
    })?;
    let report = format!("{}{}", finished.stdout, finished.stderr);
    print!("{report}");
    let passed = match finished.status {
        Some(status) if status.code() == Some(2) => {
            return Err(format!("the Python harness could not grade {}", file.display()).into());
        }
        Some(status) => status.success(),
        None => {
            println!("grading stopped after {} s", LIMIT.as_secs());
            false
        }
    };
    Ok(Graded { passed, report })
}

/// `cargo drill check <id> --python`: grades `learn/<id>.py` (created
/// from the skeleton if missing) and exits 1 unless it passes.
pub fn check_command(app: &App, id: Option<&str>, seed: Option<u64>) -> Result<()> {
    let id = id.ok_or_else(|| {
        format!(
            "name the drill: `cargo drill check <id> --python`, one of {}",
            available(&app.paths).join(", ")
        )
    })?;
    let drill = PyDrill::find(&app.paths, id)?;
    let file = drill.learner_file(&app.paths);
    if !file.exists() {
        std::fs::create_dir_all(&app.paths.learn)?;
        std::fs::write(&file, drill.skeleton()?)?;
        println!(
            "Created {} from the skeleton.",
            style(app.paths.show(&file)).underlined()
        );
    }
    if !grade(&app.paths, &drill, &file, seed)?.passed {
        std::process::exit(1);
    }
    Ok(())
}

/// Prints the Python statement of `drill` and where the skeleton is.
pub fn show_statement(drill: &exercises::registry::Drill, py: &PyDrill) -> Result<()> {
    crate::ui::heading(&format!(
        "Interview drill in Python 3.8: {} ({} minutes)",
        drill.title, drill.minutes
    ));
    println!("{}\n", py.statement()?.trim());
    println!(
        "{}\n",
        style(format!(
            "Standard library only; 3.9+ syntax and APIs are refused. `{}` grades it \
             outside the countdown.",
            py.check_command()
        ))
        .dim()
    );
    Ok(())
}
