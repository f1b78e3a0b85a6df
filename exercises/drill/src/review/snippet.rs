//! Review snippets: each wrong answer in the catalog, shown without its
//! comments, with the lines where it departs from the reference solution.
//! The diff against the solution is the answer key, so every new wrong
//! answer becomes a review snippet with no extra authoring.

use super::strip::strip_comments;
use exercises::registry::{Exercise, Registry, WrongAnswer};
use similar::{DiffTag, TextDiff};
use std::ops::RangeInclusive;
use std::path::Path;

/// Most separate changes a snippet may have: a bug may touch a few places
/// (a counter updated outside the lock in two methods), but past that
/// "name a line" stops being a test of finding the bug.
const MAX_HUNKS: usize = 4;
/// Most changed lines, all changes together.
const MAX_CHANGED: usize = 16;
/// The longest wrong answer a review shows: more is not read in minutes.
const MAX_LINES: usize = 180;

/// One wrong answer, ready to review.
#[derive(Debug, Clone)]
pub struct Snippet {
    /// The exercise's id.
    pub exercise: String,
    /// The wrong answer's name (`wrong_<name>.rs`).
    pub wrong: String,
    /// The exercise's title: what the code is meant to do.
    pub title: String,
    /// The task, from the skeleton's "Your task" section.
    pub task: String,
    /// The bug, in one line, from the registry.
    pub bug: String,
    /// The wrong answer's code, without comments.
    pub code: Vec<String>,
    /// The lines (1-based) where it differs from the solution, one range
    /// per change.
    pub changed: Vec<RangeInclusive<usize>>,
    /// The fix as a diff: `-` lines of the wrong answer with their numbers,
    /// `+` lines of the solution.
    pub fix: Vec<String>,
}

impl Snippet {
    /// Whether naming `line` finds the bug: a changed line or its
    /// neighbour (a missing line sits between two).
    ///
    /// ```
    /// # use drill::review::snippet::Snippet;
    /// let s = Snippet { exercise: "e".into(), wrong: "w".into(), title: String::new(),
    ///     task: String::new(), bug: String::new(), code: vec![String::new(); 20],
    ///     changed: vec![7..=8, 15..=15], fix: vec![] };
    /// assert!(s.finds(6) && s.finds(9) && s.finds(16) && !s.finds(10));
    /// ```
    pub fn finds(&self, line: usize) -> bool {
        self.changed
            .iter()
            .any(|r| (r.start().saturating_sub(1)..=r.end() + 1).contains(&line))
    }

    /// The changed lines in words: "line 7", "lines 7-8 and 15".
    pub fn changed_lines(&self) -> String {
        let parts: Vec<String> = self
            .changed
            .iter()
            .map(|r| {
                if r.start() == r.end() {
                    r.start().to_string()
                } else {
                    format!("{}-{}", r.start(), r.end())
                }
            })
            .collect();
        let single = self.changed.len() == 1 && self.changed[0].start() == self.changed[0].end();
        let word = if single { "line" } else { "lines" };
        match parts.split_last() {
            Some((last, [])) => format!("{word} {last}"),
            Some((last, rest)) => format!("{word} {} and {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

/// Why a wrong answer gives no snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Its exercise is not code to review (a test to write, a report to read).
    NotCode,
    /// Longer than a review can read.
    TooLong(usize),
    /// Its changes are too many to make "name a line" a test.
    Spread {
        /// How many separate changes.
        hunks: usize,
        /// How many lines they change.
        lines: usize,
    },
    /// It differs from the solution in comments only: a catalog error.
    SameAsSolution,
    /// A file could not be read.
    Unreadable(String),
}

/// Every snippet in the catalog under `root`, and every wrong answer that
/// gives none, with the reason.
pub fn all(registry: &Registry, root: &Path) -> (Vec<Snippet>, Vec<(String, String, Skipped)>) {
    let mut snippets = Vec::new();
    let mut skipped = Vec::new();
    for exercise in &registry.exercises {
        for wrong in &exercise.wrong {
            match snippet(root, exercise, wrong) {
                Ok(s) => snippets.push(s),
                Err(why) => skipped.push((exercise.id.clone(), wrong.name.clone(), why)),
            }
        }
    }
    (snippets, skipped)
}

/// The snippet of one wrong answer.
fn snippet(root: &Path, exercise: &Exercise, wrong: &WrongAnswer) -> Result<Snippet, Skipped> {
    if exercise.part == "craft" || exercise.topic == "Writing the test" {
        return Err(Skipped::NotCode);
    }
    let dir = root.join("catalog").join(&exercise.id);
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| Skipped::Unreadable(format!("{name}: {e}")))
    };
    let code = strip_comments(&read(&format!("wrong_{}.rs", wrong.name))?);
    let solution = strip_comments(&read("solution.rs")?);
    if code.len() > MAX_LINES {
        return Err(Skipped::TooLong(code.len()));
    }
    let (old, new): (Vec<&str>, Vec<&str>) = (
        code.iter().map(String::as_str).collect(),
        solution.iter().map(String::as_str).collect(),
    );
    let diff = TextDiff::from_slices(&old, &new);
    let hunks: Vec<_> = diff
        .ops()
        .iter()
        .filter(|op| op.tag() != DiffTag::Equal)
        .collect();
    if hunks.is_empty() {
        return Err(Skipped::SameAsSolution);
    }
    // A change that only adds lines sits between wrong lines `start` and
    // `start + 1` (1-based); one that removes or replaces covers its own.
    let changed: Vec<RangeInclusive<usize>> = hunks
        .iter()
        .map(|op| {
            let range = op.old_range();
            if range.is_empty() {
                range.start.max(1)..=range.start + 1
            } else {
                range.start + 1..=range.end
            }
        })
        .collect();
    let lines: usize = hunks.iter().map(|op| op.old_range().len().max(1)).sum();
    if hunks.len() > MAX_HUNKS || lines > MAX_CHANGED {
        return Err(Skipped::Spread {
            hunks: hunks.len(),
            lines,
        });
    }
    let mut fix = Vec::new();
    for op in &hunks {
        for i in op.old_range() {
            fix.push(format!("-{:>4} {}", i + 1, code[i]));
        }
        for i in op.new_range() {
            fix.push(format!("+     {}", solution[i]));
        }
    }
    Ok(Snippet {
        exercise: exercise.id.clone(),
        wrong: wrong.name.clone(),
        title: exercise.title.clone(),
        task: task(&read("skeleton.rs")?),
        bug: wrong.bug.clone(),
        code,
        changed,
        fix,
    })
}

/// The "Your task" section of a skeleton's doc comment, or its first
/// paragraph when it has none.
fn task(skeleton: &str) -> String {
    let doc: Vec<&str> = skeleton
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let section: Vec<&str> = match doc.iter().position(|l| l.starts_with("## Your task")) {
        Some(at) => doc[at + 1..]
            .iter()
            .take_while(|l| !l.starts_with("## "))
            .copied()
            .collect(),
        None => doc
            .iter()
            .skip_while(|l| l.starts_with('#') || l.is_empty())
            .take_while(|l| !l.is_empty())
            .copied()
            .collect(),
    };
    section.join("\n").trim().to_owned()
}
