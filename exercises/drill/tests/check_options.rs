//! `cargo drill check`'s options: a scenario the suite does not have is an
//! error that lists the real ones (never a pass of nothing), and every
//! checker the status line lists, families included, is accepted.

mod common;

use common::{Learner, catalog, text};

#[test]
fn an_unknown_scenario_is_an_error_and_checker_families_are_accepted() {
    let learner = Learner::new();
    learner.drill(&[], "");
    std::fs::copy(
        catalog("lost_update", "solution.rs"),
        learner.file("lost_update.rs"),
    )
    .unwrap();

    let out = learner.drill(&["check", "lost_update", "--scenario", "nope"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("no scenario called \"nope\"") && shown.contains("lost_update."),
        "the error lists the scenarios:\n{shown}"
    );
    assert!(!shown.contains("passes"), "{shown}");

    let out = learner.drill(&["check", "lost_update", "--checker", "shuttle"], "");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(
        shown.contains("✓ shuttle-random") && shown.contains("✓ shuttle-pct"),
        "`shuttle` is both schedulers:\n{shown}"
    );
    assert!(!shown.contains("✓ loom"), "{shown}");

    // A real scenario, by its short name, still runs alone.
    let out = learner.drill(
        &[
            "check",
            "lost_update",
            "--checker",
            "std",
            "--scenario",
            "limit_holds",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));

    let out = learner.drill(&["check", "lost_update", "--checker", "nope"], "");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("shuttle (both schedulers)"),
        "{}",
        text(&out)
    );
}
