//! The authoring check: for every exercise, the pristine skeleton fails,
//! the reference solution passes under every checker the registry lists,
//! and every wrong answer is rejected by the checkers the registry says
//! catch it. The tests in `tests/authoring_*.rs` run it, one binary per
//! checker family (shuttle's panic hook is process-wide; a loom deadlock
//! aborts its process).
//!
//! It grades 60 exercises' 300 variants in every `cargo test`, so it
//! explores at [`Depth::Quick`] where it can: a solution there, a wrong
//! answer there first and at the learner's [`Depth::Full`] only if `Quick`
//! missed it. `CHECK_DEEP=1` grades everything at `Full`, as a learner's
//! check does; CI runs both.

use crate::registry::{Exercise, Registry};
use crate::suite::{Checker, Depth, Suite};
use std::path::Path;

/// One compiled file of an exercise, with the suite built against it.
#[derive(Debug)]
pub struct Variant {
    /// The exercise's id.
    pub exercise: &'static str,
    /// `skeleton`, `solution` or `wrong_<name>`.
    pub variant: &'static str,
    /// The file's path.
    pub file: &'static str,
    /// The suite, compiled against this file.
    pub suite: &'static Suite,
}

fn entry(exercise: &str) -> Exercise {
    let registry = Registry::load(&crate::root()).unwrap_or_else(|e| panic!("{e}"));
    registry
        .exercise(exercise)
        .unwrap_or_else(|| panic!("catalog/{exercise} is not listed in exercises.toml"))
        .clone()
}

/// Checks one variant under one checker family (`std`, `shuttle`, `loom`).
///
/// ```no_run
/// # use exercises::authoring::{check, Variant};
/// # fn demo(variant: &Variant) {
/// check(variant, "loom"); // panics with the report if the variant misbehaves
/// # }
/// ```
pub fn check(variant: &Variant, family: &str) {
    let entry = entry(variant.exercise);
    let checkers = Checker::family(family).expect("a checker family");
    let listed = entry.checkers.iter().any(|c| c == family);
    match variant.variant {
        "skeleton" => {
            if family == "std" {
                let source = std::fs::read_to_string(variant.file).expect("the skeleton");
                assert!(
                    source.contains("todo!("),
                    "{}: the skeleton has no todo!()",
                    variant.file
                );
                let verdicts = variant.suite.run_all(Checker::Std);
                assert!(
                    verdicts.iter().any(|v| v.found()),
                    "{}: the pristine skeleton passes its suite",
                    variant.file
                );
            }
        }
        "solution" => {
            assert_eq!(
                entry.checkers, variant.suite.checkers,
                "{}: the registry and suite.rs list different checkers",
                variant.exercise
            );
            if listed {
                let depth = if verification::check::deep() {
                    Depth::Full
                } else {
                    Depth::Quick
                };
                for &checker in checkers {
                    for scenario in variant.suite.scenarios {
                        variant
                            .suite
                            .run_at(scenario, checker, depth)
                            .expect_pass(scenario.name);
                    }
                }
            }
        }
        wrong => {
            let name = wrong.strip_prefix("wrong_").expect("a wrong_ file");
            let answer = entry
                .wrong
                .iter()
                .find(|w| w.name == name)
                .unwrap_or_else(|| {
                    panic!("{}: not listed under the exercise's `wrong`", variant.file)
                });
            if answer.caught_by.iter().any(|c| c == family) {
                let found_at = |depth| {
                    checkers.iter().any(|&checker| {
                        let verdicts = variant.suite.run_all_at(checker, depth);
                        verdicts.iter().any(|v| v.found())
                    })
                };
                let found = (!verification::check::deep() && found_at(Depth::Quick))
                    || found_at(Depth::Full);
                assert!(
                    found,
                    "{}: {family} does not reject this wrong answer ({})",
                    variant.file, answer.bug
                );
                eprintln!(
                    "[authoring] {}/{wrong}: rejected by {family}",
                    variant.exercise
                );
            }
        }
    }
}

/// Checks that the catalog and the registry agree: every listed exercise
/// has a skeleton, a solution, a suite and each wrong answer it lists, at
/// least two of them, and two or three hints.
pub fn check_catalog(variants: &[Variant]) {
    if std::env::var_os("AUTHORING_ONLY").is_some() {
        eprintln!("AUTHORING_ONLY is set: the catalog is partial, skipping the comparison");
        return;
    }
    let registry = Registry::load(&crate::root()).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    // Two checkouts sharing one target folder build the same unit: a
    // build script run by the other one would leave us testing its files.
    let catalog = crate::root().join("catalog");
    for v in variants
        .iter()
        .filter(|v| !Path::new(v.file).starts_with(&catalog))
    {
        problems.push(format!(
            "{}: compiled from {}, outside this checkout's {} (a target folder shared with \
             another checkout: `cargo clean -p exercises` rebuilds the list)",
            v.exercise,
            v.file,
            catalog.display()
        ));
    }
    for e in &registry.exercises {
        let has = |v: &str| {
            variants
                .iter()
                .any(|x| x.exercise == e.id && x.variant == v)
        };
        for needed in ["skeleton", "solution"] {
            if !has(needed) {
                problems.push(format!("{}: no {needed}.rs", e.id));
            }
        }
        if e.wrong.len() < 2 {
            problems.push(format!("{}: fewer than two wrong answers", e.id));
        }
        for w in &e.wrong {
            if !has(&format!("wrong_{}", w.name)) {
                problems.push(format!("{}: no wrong_{}.rs", e.id, w.name));
            }
            if w.caught_by.is_empty() {
                problems.push(format!("{}: wrong_{} names no checker", e.id, w.name));
            }
        }
        if !(2..=3).contains(&e.hints.len()) {
            problems.push(format!("{}: {} hints (want 2 or 3)", e.id, e.hints.len()));
        }
    }
    for v in variants {
        if registry.exercise(v.exercise).is_none() {
            problems.push(format!("catalog/{} is not in exercises.toml", v.exercise));
        }
    }
    assert!(
        problems.is_empty(),
        "catalog and registry disagree:\n{}",
        problems.join("\n")
    );
}
