//! Where things live: the workspace, the learner's folder, the graders.

use std::path::{Path, PathBuf};

/// The folders the CLI works with.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The workspace root (holds `Cargo.lock`).
    pub root: PathBuf,
    /// `exercises/`: the registry and the catalog.
    pub exercises: PathBuf,
    /// The learner's folder: their files and the progress file
    /// (`learn/`, or `DRILL_LEARN_DIR`).
    pub learn: PathBuf,
    /// Where graders are generated and built (`target/drill`).
    pub drill_target: PathBuf,
}

impl Paths {
    /// The workspace this binary was built from.
    pub fn discover() -> Self {
        let exercises = exercises::root();
        let root = exercises
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| exercises.clone());
        let learn = std::env::var_os("DRILL_LEARN_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("learn"));
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"));
        Self {
            drill_target: target.join("drill"),
            root,
            exercises,
            learn,
        }
    }

    /// The learner's copy of exercise `id`.
    pub fn learner_file(&self, id: &str) -> PathBuf {
        self.learn.join(format!("{id}.rs"))
    }

    /// The pristine skeleton of exercise `id`.
    pub fn skeleton(&self, id: &str) -> PathBuf {
        self.exercises.join("catalog").join(id).join("skeleton.rs")
    }

    /// The skeleton of exercise `id` as the learner gets it: without the
    /// `ANCHOR` lines that mark its code for the book.
    pub fn pristine(&self, id: &str) -> std::io::Result<String> {
        let text = std::fs::read_to_string(self.skeleton(id))?;
        Ok(text
            .lines()
            .filter(|line| !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:"))
            .map(|line| format!("{line}\n"))
            .collect())
    }

    /// The reference solution of exercise `id`.
    pub fn solution(&self, id: &str) -> PathBuf {
        self.exercises.join("catalog").join(id).join("solution.rs")
    }

    /// The suite of exercise `id`.
    pub fn suite(&self, id: &str) -> PathBuf {
        self.exercises.join("catalog").join(id).join("suite.rs")
    }

    /// The learner's copy of the suite of exercise `id`, refreshed from
    /// the catalog (see [`Paths::refresh_suite`]).
    pub fn learner_suite(&self, id: &str) -> PathBuf {
        self.learn.join("suites").join(format!("{id}.rs"))
    }

    /// Writes the learner's copy of the suite of `id` and returns its
    /// path. Graders are built from this copy, so hints and reports point
    /// at it rather than into the catalog folder, where the reference
    /// solution sits beside the suite. Rewritten before every check: an
    /// edit to the copy changes nothing.
    pub fn refresh_suite(&self, id: &str) -> std::io::Result<PathBuf> {
        let copy = self.learner_suite(id);
        let text = format!(
            "// The scenarios that grade `{id}`, copied here by `cargo drill` before each \
             check (edits are overwritten).\n{}",
            std::fs::read_to_string(self.suite(id))?
        );
        if std::fs::read_to_string(&copy).is_ok_and(|old| old == text) {
            return Ok(copy);
        }
        std::fs::create_dir_all(copy.parent().unwrap_or(&self.learn))?;
        std::fs::write(&copy, text)?;
        Ok(copy)
    }

    /// The progress file.
    pub fn progress(&self) -> PathBuf {
        self.learn.join("progress.toml")
    }

    /// A path as the learner should read it: relative to the workspace
    /// when it is inside it.
    pub fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}
