//! Grading end to end: the grader crate is generated, built and run for
//! real, as `cargo drill check` does. One test, in steps, because the
//! steps share one learner folder and one grader.

mod common;

use common::{Learner, catalog, text};

#[test]
fn a_check_passes_a_solution_rejects_a_bug_and_survives_a_broken_file() {
    let learner = Learner::new();
    learner.drill(&[], "");

    // A broken file elsewhere never gets in the way.
    std::fs::write(learner.file("spawn_join.rs"), "this is not rust").unwrap();

    // The reference solution passes every checker and opens the solution.
    std::fs::copy(
        catalog("lost_update", "solution.rs"),
        learner.file("lost_update.rs"),
    )
    .unwrap();
    let out = learner.drill(&["check", "lost_update"], "");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    for checker in ["std", "shuttle-random", "shuttle-pct", "loom"] {
        assert!(
            shown.contains(&format!("✓ {checker}")),
            "{checker} missing:\n{shown}"
        );
    }
    assert!(
        shown.contains("passes under every checker") && shown.contains("1/"),
        "{shown}"
    );
    let solution = text(&learner.drill(&["solution", "lost_update"], ""));
    assert!(
        solution.contains("Common mistakes") && solution.contains("two threads read 0"),
        "{solution}"
    );

    // A realistic bug is rejected with a readable report and a replay line.
    std::fs::copy(
        catalog("lost_update", "wrong_split_increment.rs"),
        learner.file("lost_update.rs"),
    )
    .unwrap();
    let out = learner.drill(&["check", "lost_update"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("an increment was lost"), "{shown}");
    assert!(
        shown.contains("incrementer"),
        "the report names the threads:\n{shown}"
    );
    assert!(shown.contains("replay: CHECK_REPLAY="), "{shown}");
    assert!(
        shown.contains("cargo drill check lost_update --checker"),
        "{shown}"
    );
    assert!(
        shown.contains("cargo drill hint"),
        "the next hint is offered:\n{shown}"
    );

    // The pristine skeleton fails and points at its todo!()s.
    learner.drill(&["reset", "lost_update", "--yes"], "");
    let out = learner.drill(&["check", "lost_update"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("not yet implemented") && shown.contains("still has todo!()"),
        "{shown}"
    );

    // A file that does not compile says so, with the compiler's words.
    std::fs::write(learner.file("lost_update.rs"), "pub struct Counter<B> {}").unwrap();
    let out = learner.drill(&["check", "lost_update"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("does not compile") && shown.contains("error"),
        "{shown}"
    );
}
