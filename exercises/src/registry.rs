//! The registry: every exercise in course order (`exercises.toml`) and
//! every timed interview drill (`interviews.toml`).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A registry file that cannot be read or does not hold together.
#[derive(Debug)]
pub enum RegistryError {
    /// The file could not be read.
    Read(PathBuf, std::io::Error),
    /// The file is not valid TOML for the registry.
    Parse(PathBuf, String),
    /// The file parsed but breaks a rule (duplicate id, unknown drill).
    Invalid(String),
}

impl std::fmt::Display for RegistryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Read(path, e) => write!(f, "cannot read {}: {e}", path.display()),
            Self::Parse(path, e) => write!(f, "{} is not a valid registry: {e}", path.display()),
            Self::Invalid(why) => write!(f, "the registry is inconsistent: {why}"),
        }
    }
}

impl std::error::Error for RegistryError {}

/// One exercise, as listed in `exercises.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The folder under `catalog/`, and the learner's file name.
    pub id: String,
    /// A one-line title.
    pub title: String,
    /// "I" (foundations), "II" (the request executor), "III" (beyond
    /// threads: async, actors, distributed), "craft" (reading failure
    /// reports, reviewing code), "ordering" (the memory-ordering track) or
    /// "interview" (the code half of a timed drill).
    pub part: String,
    /// The topic it sits under in `drill list`.
    pub topic: String,
    /// Item numbers in the syllabus it teaches.
    pub syllabus: Vec<u32>,
    /// 1 (warm-up) to 3 (interview grade).
    pub difficulty: u8,
    /// Rough minutes for a first attempt.
    pub minutes: u32,
    /// Checker families that grade it: "std", "shuttle", "loom".
    pub checkers: Vec<String>,
    /// Graded by the validity of the whole trace (a classic problem).
    #[serde(default)]
    pub classic: bool,
    /// Spins on purpose (the memory-ordering track): a checker giving up
    /// on an endless loop is explained as a spin loop the checker cannot
    /// see waiting, not as busy-waiting to replace with a `Condvar`.
    #[serde(default)]
    pub spins: bool,
    /// Progressive hints: each `drill hint` reveals the next.
    pub hints: Vec<String>,
    /// The wrong answers its suite must reject.
    pub wrong: Vec<WrongAnswer>,
}

/// A realistic wrong answer kept beside the solution.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongAnswer {
    /// The file, `catalog/<id>/wrong_<name>.rs`.
    pub name: String,
    /// The bug, in one line: shown to learners after they pass.
    pub bug: String,
    /// Checker families that must reject it.
    pub caught_by: Vec<String>,
}

/// One timed interview drill, as listed in `interviews.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    /// Its name on the command line.
    pub id: String,
    /// A one-line title.
    pub title: String,
    /// The time limit.
    pub minutes: u32,
    /// The catalog exercise that holds its code (skeleton, suite).
    pub exercise: String,
    /// The problem as an interviewer would state it.
    pub statement: String,
    /// The same API in Python 3.8 (`threading`, `queue`,
    /// `concurrent.futures`), for learners who interview in Python.
    pub python: String,
    /// The follow-up questions, asked in order after the coding part.
    pub followup: Vec<FollowUp>,
    /// The stages of a drill that grows one codebase, in order; each
    /// ends on a step boundary of the time plan. Empty: one stage.
    #[serde(default)]
    pub stage: Vec<Stage>,
}

/// One stage of a staged drill: what the clock expects the learner to be
/// writing from its start to its end, and the scenarios that grade it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// What the stage builds, e.g. "The executor".
    pub title: String,
    /// Its length; the stages run back to back from minute 0.
    pub minutes: u32,
    /// The prefix of its scenarios' names in the suite, e.g. `stage1_`.
    pub scenarios: String,
}

/// A follow-up question with its model answer and self-grading rubric.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The question.
    pub question: String,
    /// Syllabus items it rehearses.
    pub syllabus: Vec<u32>,
    /// A model answer.
    pub answer: String,
    /// Three to six points a good answer makes.
    pub rubric: Vec<String>,
}

/// The interview time plan, from the syllabus.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// Minutes for this step.
    pub minutes: u32,
    /// What to do.
    pub step: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    exercise: Vec<Exercise>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrillFile {
    plan: Vec<PlanStep>,
    #[serde(default)]
    drill: Vec<Drill>,
}

/// Everything the registry files list.
#[derive(Debug, Clone)]
pub struct Registry {
    /// Exercises in course order, interview code last.
    pub exercises: Vec<Exercise>,
    /// The timed drills.
    pub drills: Vec<Drill>,
    /// The 60-minute interview plan every drill shows.
    pub plan: Vec<PlanStep>,
}

impl Registry {
    /// Reads `exercises.toml` and `interviews.toml` from `root`.
    pub fn load(root: &Path) -> Result<Self, RegistryError> {
        let exercises: ExerciseFile = read(&root.join("exercises.toml"))?;
        let drills: DrillFile = read(&root.join("interviews.toml"))?;
        let registry = Self {
            exercises: exercises.exercise,
            drills: drills.drill,
            plan: drills.plan,
        };
        registry.validate()?;
        Ok(registry)
    }

    fn validate(&self) -> Result<(), RegistryError> {
        let mut seen = std::collections::HashSet::new();
        for e in &self.exercises {
            if !seen.insert(&e.id) {
                return Err(RegistryError::Invalid(format!(
                    "exercise {} is listed twice",
                    e.id
                )));
            }
            let families = e
                .checkers
                .iter()
                .chain(e.wrong.iter().flat_map(|w| &w.caught_by));
            if let Some(bad) = families
                .into_iter()
                .find(|c| crate::suite::Checker::family(c).is_none())
            {
                return Err(RegistryError::Invalid(format!(
                    "{}: unknown checker {bad:?}",
                    e.id
                )));
            }
        }
        for d in &self.drills {
            if self.exercise(&d.exercise).is_none() {
                return Err(RegistryError::Invalid(format!(
                    "drill {} names exercise {}, which is not listed",
                    d.id, d.exercise
                )));
            }
            self.validate_stages(d)?;
        }
        Ok(())
    }

    /// A staged drill's stages fit its time, each ends where a step of the
    /// plan ends (so the clock and the plan agree), and no two share a
    /// scenario prefix.
    fn validate_stages(&self, d: &Drill) -> Result<(), RegistryError> {
        let invalid = |why: String| Err(RegistryError::Invalid(format!("drill {}: {why}", d.id)));
        let plan_ends: Vec<u32> = self
            .plan
            .iter()
            .scan(0, |end, step| {
                *end += step.minutes;
                Some(*end)
            })
            .collect();
        let mut end = 0;
        for (i, stage) in d.stage.iter().enumerate() {
            end += stage.minutes;
            if !plan_ends.contains(&end) {
                return invalid(format!(
                    "stage {} ends at minute {end}, which is not the end of a plan step ({plan_ends:?})",
                    i + 1
                ));
            }
            let clash = d.stage[..i].iter().find(|s| {
                s.scenarios.starts_with(&stage.scenarios)
                    || stage.scenarios.starts_with(&s.scenarios)
            });
            if stage.scenarios.is_empty() || clash.is_some() {
                return invalid(format!(
                    "stage {} needs a scenario prefix of its own, not {:?}",
                    i + 1,
                    stage.scenarios
                ));
            }
        }
        if end > d.minutes {
            return invalid(format!(
                "its stages take {end} minutes, more than its {}",
                d.minutes
            ));
        }
        Ok(())
    }

    /// The exercise called `id`.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The drill called `id`.
    pub fn drill(&self, id: &str) -> Option<&Drill> {
        self.drills.iter().find(|d| d.id == id)
    }

    /// The exercises of the course proper (interview code excluded), in order.
    pub fn course(&self) -> impl Iterator<Item = &Exercise> {
        self.exercises.iter().filter(|e| e.part != "interview")
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, RegistryError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| RegistryError::Read(path.to_owned(), e))?;
    toml::from_str(&text).map_err(|e| RegistryError::Parse(path.to_owned(), e.to_string()))
}

/// Where an exercise's files live.
///
/// ```
/// let dir = exercises::registry::catalog_dir("lost_update");
/// assert!(dir.join("skeleton.rs").exists());
/// ```
pub fn catalog_dir(id: &str) -> PathBuf {
    crate::root().join("catalog").join(id)
}
