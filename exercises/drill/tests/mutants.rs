//! The mutation check: wrong answers derived from every reference solution
//! (`drill::mutate`), graded by `cargo drill mutants`.
//!
//! By default this runs the cheap, deterministic part: every operator on a
//! small example, every solution's mutants generated, every listed
//! equivalent mutant still generated and explained, and the full grading
//! of a fixed sample of exercises ([`SAMPLE`]). `AUTHORING_MUTANTS=all`
//! grades every exercise's mutants instead (about twenty minutes on two
//! cores); `AUTHORING_MUTANTS=a,b` grades those exercises.

mod common;

use drill::mutate::{Equivalents, Operator, Options, mutants};
use exercises::registry::Registry;
use std::collections::BTreeSet;

/// The exercises whose mutants the default `cargo test` grades: one
/// condition-variable queue and one with a lock split, kept small so that
/// the default run stays within its time budget.
const SAMPLE: &[&str] = &["bank_withdraw", "bounded_queue"];

/// The solutions no operator reaches, and why: a new exercise joins this
/// list only with a reason, so that a suite never goes unmutated unnoticed.
const NO_SITES: &[(&str, &str)] = &[
    (
        "account_transfer",
        "two guards held together to the end, no wait, no notify",
    ),
    (
        "dining_philosophers",
        "fork guards held to the end of the meal, no wait",
    ),
    ("jump_hash", "a pure function: nothing shared"),
    ("pool_sizing", "a pure function: nothing shared"),
    (
        "lost_update",
        "Relaxed atomics only: no weaker ordering, no lock",
    ),
    (
        "read_report",
        "answers only: a diagnosis per report, nothing shared",
    ),
    (
        "retry_backoff",
        "Relaxed compare-exchange loops: no weaker ordering, no lock",
    ),
    (
        "spawn_join",
        "threads spawned and joined: no lock, wait or notify",
    ),
    (
        "test_executor",
        "a test, not a primitive: no lock, wait or notify of its own, one Relaxed counter",
    ),
    (
        "traffic_light",
        "one guard held for the whole visit, no wait, no notify",
    ),
];

const EXAMPLE: &str = r#"
fn put(&self, item: T) {
    let mut items = self.not_full.wait_while(self.items.lock(), |i| i.len() >= 1);
    if items.closed {
        return;
    }
    items.push_back(item);
    drop(items);
    self.not_empty.notify_one();
    self.seen.fetch_add(1, Ordering::AcqRel);
}

fn take(&self) -> T {
    let mut items = self.items.lock();
    while items.is_empty() {
        items = self.not_empty.wait(items);
    }
    let item = items.pop_front().unwrap();
    drop(items);
    self.not_full.notify_all();
    item
}

fn close(&self) {
    self.items.lock().closed = true;
    while let Some(item) = self.items.lock().pop_front() {
        drop(item);
    }
    let _ = self.items.lock().drain(..);
    self.flag.store(true, Ordering::SeqCst);
}
"#;

#[test]
fn every_operator_finds_its_sites_in_an_example() {
    let found = mutants(EXAMPLE, Options { orderings: true }).expect("the example parses");
    let ops: BTreeSet<Operator> = found.iter().map(|m| m.operator).collect();
    for op in Operator::ALL {
        assert!(ops.contains(&op), "{op} found nothing:\n{found:#?}");
    }
    let ids: BTreeSet<&str> = found.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), found.len(), "mutant ids are unique");
    let by_id = |id: &str| {
        &found
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("no {id} in {ids:?}"))
            .source
    };
    assert!(by_id("while_to_if@15:5").contains("    if items.is_empty() {"));
    assert!(by_id("notify_all_to_one@20:19").contains("self.not_full.notify_one();"));
    assert!(by_id("drop_notify@9:20").contains("    ();\n"));
    assert!(
        by_id("wait_while_once@3:35")
            .contains("mutant_wait_once(&self.not_full, self.items.lock(), |i| i.len() >= 1)")
    );
    assert!(
        by_id("split_lock@7:5")
            .contains("drop(items); let mut items = self.items.lock(); items.push_back(item);"),
        "the lock is released and retaken between the check and the update"
    );
    assert!(by_id("widen_lock@8:5").contains("items.push_back(item);\n    \n    self.not_empty"));
    assert!(by_id("skip_close@25:5").contains("fn close(&self) {\n    \n"));
    assert!(by_id("weaken_ordering@10:38#2").contains("fetch_add(1, Ordering::Release)"));
    assert!(by_id("weaken_ordering@30:37").contains("store(true, Ordering::Release)"));
    // A drop(guard) followed only by a notify and the return value is not
    // widened: notifying while holding the lock is correct, so that
    // mutant would be equivalent by construction.
    assert!(!ids.contains("widen_lock@19:5"), "{ids:?}");
    // Without loom, orderings are left alone: no other checker sees them.
    let sc = mutants(EXAMPLE, Options { orderings: false }).unwrap();
    assert!(sc.iter().all(|m| m.operator != Operator::WeakenOrdering));
}

#[test]
fn solutions_yield_mutants_and_every_equivalent_is_explained() {
    let root = exercises::root();
    let registry = Registry::load(&root).unwrap();
    let mut problems = Vec::new();
    for e in &registry.exercises {
        let source =
            std::fs::read_to_string(root.join("catalog").join(&e.id).join("solution.rs")).unwrap();
        let options = Options {
            orderings: e.checkers.iter().any(|c| c == "loom"),
        };
        let found = mutants(&source, options).unwrap_or_else(|err| panic!("{}: {err}", e.id));
        let exempt = NO_SITES.iter().any(|(id, _)| *id == e.id);
        if found.is_empty() != exempt {
            problems.push(format!(
                "{}: solution.rs yields {} mutant(s); NO_SITES must list exactly the \
                 solutions that yield none",
                e.id,
                found.len()
            ));
        }
        let listed = Equivalents::load(&root, &e.id).unwrap_or_else(|err| panic!("{err}"));
        problems.extend(
            listed
                .problems(&found)
                .iter()
                .map(|p| format!("{}: {p}", e.id)),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_suites_reject_their_solutions_mutants() {
    let wanted = std::env::var("AUTHORING_MUTANTS").unwrap_or_default();
    let ids: Vec<String> = match wanted.as_str() {
        "" => SAMPLE.iter().map(|s| (*s).to_owned()).collect(),
        "all" => Vec::new(),
        list => list.split(',').map(|s| s.trim().to_owned()).collect(),
    };
    let learner = common::Learner::new();
    let mut args = vec!["mutants"];
    args.extend(ids.iter().map(String::as_str));
    let out = learner.drill(&args, "");
    let shown = common::text(&out);
    eprintln!("{shown}");
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("| exercise | viable | killed |"), "{shown}");
    let graded = if ids.is_empty() {
        let registry = Registry::load(&exercises::root()).unwrap();
        registry.exercises.iter().map(|e| e.id.clone()).collect()
    } else {
        ids
    };
    for id in &graded {
        // The line after "<id>: compiling ..." is the solution's verdict,
        // before any mutant's.
        let at = shown
            .find(&format!("{id}: compiling"))
            .unwrap_or_else(|| panic!("{id} was not graded:\n{shown}"));
        let first = shown[at..].lines().nth(1).unwrap_or_default();
        assert!(
            first.trim_start().starts_with("solution") && first.contains("passes"),
            "{id}: the solution is graded first:\n{shown}"
        );
    }
}
