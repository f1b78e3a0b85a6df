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
