//! The CLI's context: paths, the registry and the learner's progress.

use crate::paths::Paths;
use crate::state::Progress;
use exercises::registry::{Exercise, Registry};

/// Errors end the command with a message, never a panic.
pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Everything a command needs.
pub struct App {
    /// Where things live.
    pub paths: Paths,
    /// The exercises and drills.
    pub registry: Registry,
    /// The learner's progress, saved after every change.
    pub progress: Progress,
}

impl App {
    /// Loads the registry and the progress file.
    pub fn open() -> Result<Self> {
        let paths = Paths::discover();
        let registry = Registry::load(&paths.exercises)?;
        let progress = Progress::load(&paths.progress())?;
        let mut app = Self {
            paths,
            registry,
            progress,
        };
        if app.progress.current.is_none() {
            app.progress.current = app.current().map(|e| e.id.clone());
        }
        if !app.paths.progress().exists() {
            // First run: create the file now, so the learner's files are
            // never found without one.
            app.save()?;
        }
        Ok(app)
    }

    /// Saves the progress file.
    pub fn save(&self) -> Result<()> {
        self.progress.save(&self.paths.progress())?;
        Ok(())
    }

    /// The exercise the learner is on: the stored one, or the first not
    /// yet passed.
    pub fn current(&self) -> Option<&Exercise> {
        self.progress
            .current
            .as_deref()
            .and_then(|id| self.registry.exercise(id))
            .or_else(|| {
                self.registry
                    .course()
                    .find(|e| !self.progress.passed(&e.id))
            })
    }

    /// The exercise `id`, or the current one.
    pub fn pick(&self, id: Option<&str>) -> Result<String> {
        match id {
            Some(id) => Ok(self.exercise(id)?.id.clone()),
            None => self.current().map(|e| e.id.clone()).ok_or_else(|| {
                "every exercise has passed: pick one by id (`cargo drill list`)".into()
            }),
        }
    }

    /// The exercise `id`, or an error naming the close matches.
    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        self.registry.exercise(id).ok_or_else(|| {
            let close: Vec<&str> = self
                .registry
                .exercises
                .iter()
                .map(|e| e.id.as_str())
                .filter(|e| e.contains(id) || id.contains(*e))
                .collect();
            let hint = if close.is_empty() {
                "see `cargo drill list`".to_owned()
            } else {
                format!("did you mean {}?", close.join(", "))
            };
            format!("no exercise called {id:?}: {hint}").into()
        })
    }

    /// Makes sure the learner's file for `id` exists (copied from the
    /// skeleton on first use); returns its path.
    pub fn ensure_file(&self, id: &str) -> Result<std::path::PathBuf> {
        let file = self.paths.learner_file(id);
        if !file.exists() {
            std::fs::create_dir_all(&self.paths.learn)?;
            std::fs::write(&file, self.paths.pristine(id)?)?;
        }
        Ok(file)
    }
}
