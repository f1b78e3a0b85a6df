//! `cargo drill mutants`: the mutation half of the authoring check.
//!
//! For each exercise, the reference solution's mutants (see
//! `drill::mutate`) are compiled with the solution into one grader
//! ([`batch`]). The solution is graded first, under every checker: if it
//! fails, the suite or the solution is broken and no mutant's fate means
//! anything, so the check stops there. Then each viable mutant is graded
//! like a learner's file, cheapest checker first, until one rejects it. A
//! mutant no checker rejects must be listed, with the reason, in
//! `catalog/<id>/equivalent_mutants.toml`; every exercise must reject at
//! least [`report::REQUIRED`] of its viable, non-equivalent mutants.

mod batch;
mod report;

use crate::app::Result;
use crate::grade::PROCESS_LIMIT;
use crate::paths::Paths;
use batch::{Batch, SOLUTION};
use drill::mutate::{self, Equivalents, Mutant, Options};
use exercises::grader::Line;
use exercises::registry::Registry;
use exercises::suite::Checker;
use report::Row;
use std::time::Instant;

/// What became of one viable mutant.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fate {
    /// Rejected by a checker.
    Killed(Kill),
    Survived,
}

/// Which checker rejected a mutant, and how: the scenario names the
/// guarantee the mutant broke.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Kill {
    checker: Checker,
    /// The failing scenario's short name, if the grader named one.
    scenario: Option<String>,
    /// Only the time limit stopped it.
    stopped: bool,
}

impl std::fmt::Display for Kill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "killed by {}", self.checker)?;
        match (&self.scenario, self.stopped) {
            (_, true) => write!(f, " (time limit)"),
            (Some(scenario), false) => write!(f, ": {scenario}"),
            (None, false) => Ok(()),
        }
    }
}

/// Runs the mutation check over `ids` (every exercise if empty), under
/// `only` if given, else each exercise's listed checkers; with `list`,
/// only prints the mutants.
pub fn run(ids: &[String], list: bool, only: &[Checker]) -> Result<()> {
    let paths = Paths::discover();
    let registry = Registry::load(&paths.exercises)?;
    let ids: Vec<String> = if ids.is_empty() {
        registry.exercises.iter().map(|e| e.id.clone()).collect()
    } else {
        ids.to_vec()
    };
    let mut rows = Vec::new();
    for id in &ids {
        let entry = registry
            .exercise(id)
            .ok_or_else(|| format!("no exercise called {id:?}"))?;
        let checkers = if only.is_empty() {
            Checker::expand(entry.checkers.iter().map(String::as_str))
        } else {
            only.to_vec()
        };
        let options = Options {
            orderings: entry.checkers.iter().any(|c| c == "loom"),
        };
        let solution = std::fs::read_to_string(paths.solution(id))?;
        let mutants = mutate::mutants(&solution, options)
            .map_err(|e| format!("{id}/solution.rs does not parse: {e}"))?;
        if list {
            println!("{id}: {} mutant(s)", mutants.len());
            for m in &mutants {
                println!("  {:<28} {}", m.id, m.change);
            }
            continue;
        }
        rows.push(exercise(&paths, id, &solution, &mutants, &checkers)?);
    }
    if list {
        return Ok(());
    }
    println!("\n{}", report::table(&rows));
    let mut failing = 0;
    for row in &rows {
        for survivor in &row.survivors {
            println!("{}: survives: {survivor}", row.id);
        }
        for problem in &row.problems {
            println!("{}: {problem}", row.id);
        }
        failing += usize::from(!row.ok());
    }
    if failing == 0 {
        return Ok(());
    }
    Err(format!(
        "{failing} exercise(s) fail the mutation check (above): each unlisted survivor needs \
         a scenario that rejects it, or, if no scenario could, an entry in \
         equivalent_mutants.toml with the reason; each stale entry must go"
    )
    .into())
}

/// Grades exercise `id`'s `solution`, then its `mutants`, under
/// `checkers`, printing a line for each.
fn exercise(
    paths: &Paths,
    id: &str,
    solution: &str,
    mutants: &[Mutant],
    checkers: &[Checker],
) -> Result<Row> {
    let started = Instant::now();
    let equivalents = Equivalents::load(&paths.exercises, id)?;
    println!(
        "{id}: compiling the solution and its {} mutant(s)",
        mutants.len()
    );
    let batch = Batch::build(paths, id, solution, mutants)?;
    grade_solution(&batch, id, checkers)?;
    let mut row = Row {
        id: id.to_owned(),
        viable: batch.viable_mutants(),
        problems: equivalents.problems(mutants),
        ..Row::default()
    };
    for m in mutants {
        let listed = equivalents.lists(&m.id);
        let fate = if batch.viable(&m.id) {
            Some(grade(&batch, id, m, checkers)?)
        } else {
            None
        };
        let shown = match fate {
            None => {
                if listed {
                    row.problems.push(format!(
                        "{} is listed as equivalent, yet it does not compile: remove it \
                         from equivalent_mutants.toml",
                        m.id
                    ));
                }
                "not viable (does not compile)".to_owned()
            }
            Some(Fate::Killed(kill)) => {
                row.killed += 1;
                row.stopped += usize::from(kill.stopped);
                if listed {
                    row.problems.push(format!(
                        "{} is listed as equivalent, yet {} rejects it: remove it \
                         from equivalent_mutants.toml",
                        m.id, kill.checker
                    ));
                }
                kill.to_string()
            }
            Some(Fate::Survived) if listed => {
                row.equivalent += 1;
                "equivalent (listed)".to_owned()
            }
            Some(Fate::Survived) => {
                row.survivors.push(format!("{} ({})", m.id, m.change));
                "SURVIVED".to_owned()
            }
        };
        println!("  {:<26} {:<56} {}", m.id, shown, m.change);
    }
    let share = row.share().map_or("nothing to grade".to_owned(), |s| {
        format!("{:.0}% rejected", s * 100.0)
    });
    println!(
        "{id}: {} viable, {} killed, {} equivalent: {share} ({:.0} s)",
        row.viable,
        row.killed,
        row.equivalent,
        started.elapsed().as_secs_f64()
    );
    Ok(row)
}

/// Grades the reference solution under every checker; `Err` (with the
/// grader's report) if one rejects it.
fn grade_solution(batch: &Batch, id: &str, checkers: &[Checker]) -> Result<()> {
    let started = Instant::now();
    let rerun = format!("cargo drill mutants {id}");
    for &checker in checkers {
        let finished = batch.run(SOLUTION, checker, PROCESS_LIMIT, &rerun)?;
        if !finished.status.is_some_and(|s| s.success()) {
            let why = if finished.status.is_none() {
                format!("it ran for more than {PROCESS_LIMIT:?} and was stopped")
            } else {
                format!("{}{}", finished.stdout, finished.stderr)
            };
            return Err(format!(
                "{id}: the reference solution fails under {checker}, so no mutant is graded \
                 (fix the solution or its suite first):\n{why}"
            )
            .into());
        }
    }
    let names: Vec<&str> = checkers.iter().map(|c| c.name()).collect();
    println!(
        "  {:<26} {:<56} {:.1} s",
        SOLUTION,
        format!("passes {}", names.join(", ")),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A scenario's name without its exercise's: `h2o.oxygen_on_caller` is
/// `oxygen_on_caller`.
fn short_name(scenario: &str) -> &str {
    scenario
        .rsplit_once('.')
        .map_or(scenario, |(_, short)| short)
}

/// Grades one mutant under `checkers` until one rejects it.
fn grade(batch: &Batch, id: &str, mutant: &Mutant, checkers: &[Checker]) -> Result<Fate> {
    let rerun = format!("cargo drill mutants {id} (mutant {})", mutant.id);
    for &checker in checkers {
        let finished = batch.run(&mutant.id, checker, PROCESS_LIMIT, &rerun)?;
        let kill = |stopped| {
            let failed = finished
                .stdout
                .lines()
                .filter_map(Line::parse)
                .find(|line| !line.passed);
            Fate::Killed(Kill {
                checker,
                scenario: failed.map(|line| short_name(&line.scenario).to_owned()),
                stopped,
            })
        };
        match finished.status {
            None => return Ok(kill(true)),
            Some(status) if status.code() == Some(2) => {
                return Err(format!(
                    "the mutants grader of {id} failed to start: {}",
                    finished.stderr
                )
                .into());
            }
            Some(status) if !status.success() => return Ok(kill(false)),
            Some(_) => {}
        }
    }
    Ok(Fate::Survived)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wrong answer given as the solution: the check must stop before
    /// any mutant, and say why.
    #[test]
    fn a_failing_solution_stops_the_check() {
        let paths = Paths::discover();
        let id = "lost_update";
        let wrong = std::fs::read_to_string(
            paths
                .exercises
                .join("catalog")
                .join(id)
                .join("wrong_split_increment.rs"),
        )
        .unwrap();
        let mutants = mutate::mutants(&wrong, Options::default()).unwrap();
        let error = exercise(&paths, id, &wrong, &mutants, &[Checker::ShuttleRandom])
            .map(|row| format!("graded: {row:?}"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("the reference solution fails under shuttle-random"),
            "{error}"
        );
    }
}
