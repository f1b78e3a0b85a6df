//! `catalog/<id>/equivalent_mutants.toml`: the mutants an author judged
//! no checker could tell from the solution, each with the reason. The
//! list is checked against the mutants the solution yields today, so an
//! edited solution cannot leave a stale excuse behind.

use super::Mutant;
use std::path::Path;

/// A reason shorter than this is no argument.
const SHORTEST_REASON: usize = 20;

/// An exercise's equivalent mutants.
///
/// ```
/// use drill::mutate::Equivalents;
/// let listed = Equivalents::parse(
///     "[[equivalent]]\nmutant = \"drop_notify@9:20\"\n\
///      reason = \"nobody ever waits on this condition variable\"\n",
/// )
/// .unwrap();
/// assert!(listed.lists("drop_notify@9:20"));
/// assert!(!listed.lists("drop_notify@9:21"));
/// ```
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalents {
    /// The mutants no checker can tell from the solution, with why.
    #[serde(default)]
    pub equivalent: Vec<Equivalent>,
}

/// One equivalent mutant.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalent {
    /// Its id, `operator@line:column`.
    pub mutant: String,
    /// Why no scenario could reject it.
    pub reason: String,
}

impl Equivalents {
    /// Reads the list from the file's text.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// Reads exercise `id`'s list from the catalog under `exercises` (an
    /// empty list if the exercise has no file).
    ///
    /// ```
    /// use drill::mutate::Equivalents;
    /// let listed = Equivalents::load(&exercises::root(), "no_such_exercise").unwrap();
    /// assert!(listed.equivalent.is_empty());
    /// ```
    pub fn load(exercises: &Path, id: &str) -> Result<Self, String> {
        let file = exercises
            .join("catalog")
            .join(id)
            .join("equivalent_mutants.toml");
        match std::fs::read_to_string(&file) {
            Ok(text) => Self::parse(&text).map_err(|e| format!("{}: {e}", file.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", file.display())),
        }
    }

    /// Whether mutant `id` is listed.
    pub fn lists(&self, id: &str) -> bool {
        self.equivalent.iter().any(|e| e.mutant == id)
    }

    /// What is wrong with the list, given the mutants the solution yields
    /// now: an id it no longer yields, a reason too short to be one.
    ///
    /// ```
    /// use drill::mutate::{Equivalents, Options, mutants};
    /// let yielded = mutants("fn f(cv: &C) { cv.notify_all(); }", Options::default()).unwrap();
    /// let listed = Equivalents::parse(
    ///     "[[equivalent]]\nmutant = \"drop_notify@1:19\"\nreason = \"too short\"\n\
    ///      [[equivalent]]\nmutant = \"while_to_if@3:5\"\n\
    ///      reason = \"a loop that the solution no longer has\"\n",
    /// )
    /// .unwrap();
    /// assert_eq!(listed.problems(&yielded).len(), 2);
    /// ```
    pub fn problems(&self, yielded: &[Mutant]) -> Vec<String> {
        let mut problems = Vec::new();
        for e in &self.equivalent {
            if !yielded.iter().any(|m| m.id == e.mutant) {
                problems.push(format!(
                    "equivalent_mutants.toml lists {}, which solution.rs no longer yields",
                    e.mutant
                ));
            }
            if e.reason.trim().len() < SHORTEST_REASON {
                problems.push(format!(
                    "equivalent_mutants.toml: {} needs a reason (why no scenario could reject it)",
                    e.mutant
                ));
            }
        }
        problems
    }
}
