//! The progress file: which exercises passed, hints taken, the current
//! exercise, and the interview history, in one TOML file written
//! atomically (a temporary file renamed over the old one, the old one kept
//! as `.bak`), so a crash mid-write never loses progress.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The progress file's format version.
const VERSION: u32 = 1;

/// Everything the CLI remembers between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The format version.
    pub version: u32,
    /// The exercise `cargo drill` shows and `check` grades by default.
    pub current: Option<String>,
    /// Per exercise, by id.
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseProgress>,
    /// The interview under way, if any.
    pub active_interview: Option<ActiveInterview>,
    /// Every finished interview, oldest first.
    #[serde(default)]
    pub interviews: Vec<InterviewRecord>,
    /// Every code review session, oldest first.
    #[serde(default)]
    pub reviews: Vec<ReviewRecord>,
}

/// Where a learner stands on one exercise.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExerciseProgress {
    /// Whether it passed every checker once.
    #[serde(default)]
    pub passed: bool,
    /// Whether the learner moved on without passing.
    #[serde(default)]
    pub skipped: bool,
    /// How many hints were revealed.
    #[serde(default)]
    pub hints: usize,
    /// How many times it was graded.
    #[serde(default)]
    pub attempts: u32,
    /// When it first passed.
    pub passed_at: Option<Timestamp>,
    /// When it was last graded.
    pub last_check: Option<Timestamp>,
    /// The outcome of the last grading.
    #[serde(default)]
    pub last_passed: bool,
}

/// An interview in progress.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActiveInterview {
    /// The drill's id.
    pub drill: String,
    /// When the countdown started.
    pub started: Timestamp,
}

/// One finished interview drill.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InterviewRecord {
    /// The drill's id.
    pub drill: String,
    /// When it started.
    pub started: Timestamp,
    /// Seconds spent on the coding part.
    pub seconds: u64,
    /// Whether the code passed every checker within the time.
    pub passed: bool,
    /// One line per checker from the last grading.
    pub checkers: Vec<String>,
    /// Rubric points ticked.
    pub rubric: u32,
    /// Rubric points available.
    pub rubric_max: u32,
    /// What the learner typed for each follow-up, in order.
    #[serde(default)]
    pub answers: Vec<FollowUpAnswer>,
}

/// The learner's answer to one follow-up question.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FollowUpAnswer {
    /// The question asked.
    pub question: String,
    /// What the learner typed (empty if they answered out loud).
    pub answer: String,
    /// Rubric points ticked.
    pub points: u32,
    /// Rubric points available.
    pub points_max: u32,
}

/// One `cargo drill review` session.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReviewRecord {
    /// When it started.
    pub started: Timestamp,
    /// The seed that picked the snippets (`--seed` repeats the set).
    pub seed: u64,
    /// The snippets reviewed, in order.
    pub items: Vec<ReviewItem>,
}

/// The learner's review of one snippet.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReviewItem {
    /// The exercise the wrong answer belongs to.
    pub exercise: String,
    /// The wrong answer's name.
    pub wrong: String,
    /// The line the learner named.
    pub line: u32,
    /// Whether that line holds the bug.
    pub found: bool,
    /// The fix the learner wrote.
    pub fix: String,
    /// Rubric points ticked.
    pub points: u32,
    /// Rubric points available.
    pub points_max: u32,
    /// Seconds taken.
    pub seconds: u64,
    /// Seconds on the clock.
    pub budget: u64,
}

/// Why the progress file could not be used.
#[derive(Debug)]
pub enum StateError {
    /// The file exists but cannot be read or parsed.
    Corrupt { path: PathBuf, why: String },
    /// There is no file, yet the learner's folder holds exercise files.
    Missing { path: PathBuf },
    /// The file could not be written.
    Write { path: PathBuf, why: String },
}

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StateError::Corrupt { path, why } => write!(
                f,
                "the progress file {} is damaged ({why}).\nYour exercise files are untouched. \
                 Run `cargo drill repair` to rebuild it: it restores the last good copy, or \
                 failing that re-grades your files.",
                path.display()
            ),
            StateError::Missing { path } => write!(
                f,
                "the progress file {} is missing, but your exercise files are there.\nRun \
                 `cargo drill repair` to rebuild it from your files.",
                path.display()
            ),
            StateError::Write { path, why } => {
                write!(f, "cannot save progress to {}: {why}", path.display())
            }
        }
    }
}

impl std::error::Error for StateError {}

impl Progress {
    /// A fresh start.
    pub fn new() -> Self {
        Self {
            version: VERSION,
            ..Self::default()
        }
    }

    /// Reads the progress file in `learn`.
    pub fn load(file: &Path) -> Result<Self, StateError> {
        match std::fs::read_to_string(file) {
            Ok(text) => parse(&text).map_err(|why| StateError::Corrupt {
                path: file.to_owned(),
                why,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let dir = file.parent().unwrap_or(Path::new("."));
                if has_exercise_files(dir) {
                    Err(StateError::Missing {
                        path: file.to_owned(),
                    })
                } else {
                    Ok(Self::new())
                }
            }
            Err(e) => Err(StateError::Corrupt {
                path: file.to_owned(),
                why: e.to_string(),
            }),
        }
    }

    /// Writes the progress file atomically, keeping the previous version as
    /// `<file>.bak`.
    pub fn save(&self, file: &Path) -> Result<(), StateError> {
        let fail = |why: String| StateError::Write {
            path: file.to_owned(),
            why,
        };
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
        let text = toml::to_string_pretty(self).map_err(|e| fail(e.to_string()))?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(e.to_string()))?;
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| fail(e.to_string()))?;
        if std::fs::read_to_string(file).is_ok_and(|old| parse(&old).is_ok()) {
            let _ = std::fs::copy(file, backup(file));
        }
        tmp.persist(file).map_err(|e| fail(e.to_string()))?;
        Ok(())
    }

    /// The entry for exercise `id`, created if absent.
    pub fn exercise(&mut self, id: &str) -> &mut ExerciseProgress {
        self.exercises.entry(id.to_owned()).or_default()
    }

    /// Whether exercise `id` passed.
    pub fn passed(&self, id: &str) -> bool {
        self.exercises.get(id).is_some_and(|e| e.passed)
    }
}

/// Parses a progress file's text.
pub fn parse(text: &str) -> Result<Progress, String> {
    let progress: Progress = toml::from_str(text).map_err(|e| e.to_string())?;
    if progress.version != VERSION {
        return Err(format!(
            "format version {} (this drill reads {VERSION})",
            progress.version
        ));
    }
    Ok(progress)
}

/// The last good copy of `file`.
pub fn backup(file: &Path) -> PathBuf {
    file.with_extension("toml.bak")
}

fn has_exercise_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "rs"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.toml");
        let mut p = Progress::new();
        p.current = Some("lost_update".into());
        p.exercise("lost_update").hints = 2;
        p.save(&file).unwrap();
        assert_eq!(Progress::load(&file).unwrap(), p);
        p.exercise("lost_update").passed = true;
        p.save(&file).unwrap();
        assert_eq!(Progress::load(&file).unwrap(), p);
        let old = parse(&std::fs::read_to_string(backup(&file)).unwrap()).unwrap();
        assert!(
            !old.passed("lost_update"),
            "the backup is the previous version"
        );
    }

    #[test]
    fn a_corrupt_file_is_an_error_not_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.toml");
        std::fs::write(&file, "version = 1\ncurrent = [oops").unwrap();
        let err = Progress::load(&file).unwrap_err();
        assert!(matches!(err, StateError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("cargo drill repair"));
    }

    #[test]
    fn a_missing_file_beside_exercise_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.toml");
        assert_eq!(Progress::load(&file).unwrap(), Progress::new(), "first run");
        std::fs::write(dir.path().join("lost_update.rs"), "// work").unwrap();
        assert!(matches!(
            Progress::load(&file),
            Err(StateError::Missing { .. })
        ));
    }
}
