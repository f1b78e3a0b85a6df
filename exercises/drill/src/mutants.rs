//! `cargo drill mutants`: the mutation half of the authoring check.
//!
//! For each exercise, the reference solution's mutants (see
//! `drill::mutate`) are written to `target/drill/mutants/<id>/`, compiled
//! together into one grader crate (a mutant that does not compile is not
//! viable and is left out), and each viable one is graded like a learner's
//! file under the exercise's listed checkers, cheapest first, until one
//! rejects it. A mutant no checker rejects must be listed, with the
//! reason, in `catalog/<id>/equivalent_mutants.toml`; every exercise must
//! reject at least [`REQUIRED`] of its viable, non-equivalent mutants.

use crate::app::Result;
use crate::paths::Paths;
use drill::mutate::{self, Mutant, Options, equivalents};
use exercises::registry::Registry;
use exercises::suite::Checker;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The share of viable, non-equivalent mutants a suite must reject.
pub const REQUIRED: f64 = 0.9;

/// A grader process that runs longer than this is stopped, and its mutant
/// counts as rejected: a learner's check would fail the same way.
const LIMIT: Duration = Duration::from_secs(90);

/// What became of one mutant.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fate {
    NotViable,
    /// Rejected by this checker (`timed out` if the limit stopped it).
    Killed(Checker, bool),
    Survived,
}

/// One exercise's figures.
struct Row {
    id: String,
    viable: usize,
    killed: usize,
    equivalent: usize,
    /// Stale or contradicted equivalents: these fail the check whatever
    /// the share.
    problems: Vec<String>,
    /// Mutants no checker rejected and nobody listed: they count against
    /// the share.
    survivors: Vec<String>,
}

impl Row {
    fn share(&self) -> Option<f64> {
        let graded = self.viable - self.equivalent;
        (graded > 0).then(|| self.killed as f64 / graded as f64)
    }

    fn ok(&self) -> bool {
        self.problems.is_empty() && self.share().is_none_or(|s| s >= REQUIRED)
    }
}

/// Runs the mutation check over `ids` (every exercise if empty); with
/// `list`, only prints the mutants.
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
        let source = std::fs::read_to_string(paths.solution(id))?;
        let mutants = mutate::mutants(&source, options)
            .map_err(|e| format!("{id}/solution.rs does not parse: {e}"))?;
        if list {
            println!("{id}: {} mutant(s)", mutants.len());
            for m in &mutants {
                println!("  {:<28} {}", m.id, m.change);
            }
            continue;
        }
        rows.push(exercise(&paths, id, &mutants, &checkers)?);
    }
    if list {
        return Ok(());
    }
    print!("{}", table(&rows));
    for row in &rows {
        for survivor in &row.survivors {
            println!("{}: survives: {survivor}", row.id);
        }
    }
    let failing: Vec<&Row> = rows.iter().filter(|r| !r.ok()).collect();
    if failing.is_empty() {
        return Ok(());
    }
    for row in &failing {
        for p in &row.problems {
            println!("{}: {p}", row.id);
        }
    }
    Err(format!(
        "{} exercise(s) reject fewer than {:.0}% of their mutants, or list stale equivalents",
        failing.len(),
        REQUIRED * 100.0
    )
    .into())
}

/// The per-exercise table, in Markdown.
fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "\n| exercise | viable | killed | equivalent | rejected |\n|---|---:|---:|---:|---:|\n",
    );
    let (mut viable, mut killed, mut equivalent) = (0, 0, 0);
    for r in rows {
        viable += r.viable;
        killed += r.killed;
        equivalent += r.equivalent;
        let share = r
            .share()
            .map_or("-".to_owned(), |s| format!("{:.0}%", s * 100.0));
        let mark = if r.ok() { "" } else { " ✗" };
        writeln!(
            out,
            "| {} | {} | {} | {} | {share}{mark} |",
            r.id, r.viable, r.killed, r.equivalent
        )
        .unwrap();
    }
    let graded = viable - equivalent;
    let share = if graded > 0 {
        format!("{:.0}%", killed as f64 * 100.0 / graded as f64)
    } else {
        "-".to_owned()
    };
    writeln!(
        out,
        "| **all {}** | {viable} | {killed} | {equivalent} | {share} |",
        rows.len()
    )
    .unwrap();
    out
}

fn exercise(paths: &Paths, id: &str, mutants: &[Mutant], checkers: &[Checker]) -> Result<Row> {
    let started = Instant::now();
    let equivalents = equivalents(&paths.exercises, id)?;
    let mut problems = Vec::new();
    for e in &equivalents.equivalent {
        if !mutants.iter().any(|m| m.id == e.mutant) {
            problems.push(format!(
                "equivalent_mutants.toml lists {}, which the solution no longer yields",
                e.mutant
            ));
        }
        if e.reason.trim().is_empty() {
            problems.push(format!(
                "{} is listed as equivalent without a reason",
                e.mutant
            ));
        }
    }
    println!("{id}: {} mutant(s), compiling", mutants.len());
    let (binary, viable) = if mutants.is_empty() {
        (PathBuf::new(), BTreeSet::new())
    } else {
        build(paths, id, mutants)?
    };
    let mut row = Row {
        id: id.to_owned(),
        viable: viable.len(),
        killed: 0,
        equivalent: 0,
        problems,
        survivors: Vec::new(),
    };
    for m in mutants {
        let listed = equivalents.equivalent.iter().find(|e| e.mutant == m.id);
        let fate = if !viable.contains(&m.id) {
            Fate::NotViable
        } else {
            grade(&binary, id, m, checkers)?
        };
        let shown = match (&fate, listed) {
            (Fate::NotViable, _) => "not viable".to_owned(),
            (Fate::Killed(c, stopped), None) => {
                row.killed += 1;
                format!(
                    "killed by {c}{}",
                    if *stopped { " (time limit)" } else { "" }
                )
            }
            (Fate::Killed(c, _), Some(_)) => {
                row.killed += 1;
                row.problems.push(format!(
                    "{} is listed as equivalent, yet {c} rejects it: remove it from the list",
                    m.id
                ));
                format!("killed by {c}, yet listed as equivalent")
            }
            (_, Some(_)) => {
                row.equivalent += 1;
                "equivalent (listed)".to_owned()
            }
            (_, None) => {
                row.survivors.push(format!("{} ({})", m.id, m.change));
                "SURVIVED".to_owned()
            }
        };
        println!("  {:<30} {:<34} {}", m.id, shown, m.change);
    }
    println!(
        "{id}: {} viable, {} killed, {} equivalent ({:.0} s)",
        row.viable,
        row.killed,
        row.equivalent,
        started.elapsed().as_secs_f64()
    );
    Ok(row)
}

/// Grades one mutant under `checkers` until one rejects it.
fn grade(binary: &Path, id: &str, mutant: &Mutant, checkers: &[Checker]) -> Result<Fate> {
    for &checker in checkers {
        let mut command = Command::new(binary);
        command
            .arg(checker.name())
            .env("MUTANT", &mutant.id)
            .env("RUST_BACKTRACE", "0")
            .env(
                "CHECK_RERUN",
                format!("cargo drill mutants {id} (mutant {})", mutant.id),
            );
        let finished = crate::process::run_limited(command, LIMIT)?;
        match finished.status {
            None => return Ok(Fate::Killed(checker, true)),
            Some(status) if status.code() == Some(2) => {
                return Err(format!(
                    "the mutants grader of {id} failed to start: {}",
                    finished.stderr
                )
                .into());
            }
            Some(status) if !status.success() => return Ok(Fate::Killed(checker, false)),
            Some(_) => {}
        }
    }
    Ok(Fate::Survived)
}

/// Writes every mutant and compiles the viable ones into one grader;
/// returns the binary and the ids that compiled.
fn build(paths: &Paths, id: &str, mutants: &[Mutant]) -> Result<(PathBuf, BTreeSet<String>)> {
    let folder = paths.drill_target.join("mutants").join(id);
    std::fs::create_dir_all(&folder)?;
    let mut files = Vec::new();
    for m in mutants {
        let file = folder.join(format!("{}.rs", m.slug()));
        write_if_changed(&file, &m.source)?;
        files.push((m.id.clone(), file));
    }
    let name = format!("mutants-{}", id.replace('_', "-"));
    let dir = paths.drill_target.join("crates").join(&name);
    std::fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "# Generated by `cargo drill mutants`: every mutant of one solution.\n\
         [package]\nname = {name:?}\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nexercises = {{ path = {exercises:?} }}\n\n\
         [workspace]\n\n\
         [profile.dev]\nopt-level = 1\ndebug = \"line-tables-only\"\n\
         [profile.dev.package.\"*\"]\nopt-level = 3\n",
        exercises = paths.exercises.display().to_string(),
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    let lock = dir.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(paths.root.join("Cargo.lock"), &lock)?;
    }
    let suite = paths.suite(id).canonicalize()?;
    let mut left_out: BTreeSet<String> = BTreeSet::new();
    loop {
        let kept: Vec<&(String, PathBuf)> = files
            .iter()
            .filter(|(m, _)| !left_out.contains(m))
            .collect();
        write_if_changed(&dir.join("src/main.rs"), &main_rs(&kept, &suite))?;
        let output = Command::new(cargo())
            .args([
                "build",
                "--quiet",
                "--message-format=short",
                "--manifest-path",
            ])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", paths.drill_target.join("build"))
            .env_remove("CARGO_BUILD_TARGET_DIR")
            .stdin(Stdio::null())
            .output()?;
        if output.status.success() {
            let viable = kept.iter().map(|(m, _)| m.clone()).collect();
            let binary = paths
                .drill_target
                .join("build/debug")
                .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
            return Ok((binary, viable));
        }
        let messages = String::from_utf8_lossy(&output.stderr);
        let broken: Vec<String> = kept
            .iter()
            .filter(|(_, file)| {
                let file = file.display().to_string();
                messages
                    .lines()
                    .any(|l| l.starts_with(&format!("{file}:")) && l.contains(": error"))
            })
            .map(|(m, _)| m.clone())
            .collect();
        if broken.is_empty() {
            return Err(format!("the mutants of {id} do not compile:\n{messages}").into());
        }
        left_out.extend(broken);
    }
}

/// The batch grader's `main.rs`: one module per mutant, each with the
/// suite, and `MUTANT=<id>` picks which one `exercises::grader` runs.
fn main_rs(files: &[&(String, PathBuf)], suite: &Path) -> String {
    let mut out = String::from(
        "// Generated by `cargo drill mutants`: each module is one mutant with the suite.\n\
         #![allow(warnings, clippy::all)]\n\n",
    );
    let mut table = String::from("const MUTANTS: &[(&str, &exercises::suite::Suite)] = &[\n");
    for (i, (id, file)) in files.iter().enumerate() {
        writeln!(
            out,
            "mod m{i} {{\n    #[path = {file:?}]\n    pub mod answer;\n    \
             #[path = {suite:?}]\n    pub mod suite;\n}}",
            file = file.display().to_string(),
            suite = suite.display().to_string(),
        )
        .unwrap();
        writeln!(table, "    ({id:?}, &m{i}::suite::SUITE),").unwrap();
    }
    table.push_str("];\n");
    out.push_str(&table);
    out.push_str(
        "\nfn main() {\n    \
         let wanted = std::env::var(\"MUTANT\").unwrap_or_default();\n    \
         let Some((_, suite)) = MUTANTS.iter().find(|(id, _)| *id == wanted) else {\n        \
         eprintln!(\"no mutant called {wanted:?}\");\n        std::process::exit(2)\n    };\n    \
         exercises::grader::main(suite)\n}\n",
    );
    out
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}
