//! The CLI as a learner meets it, on a pipe: every prompt reads a line, so
//! each flow is scripted. Each test gets its own learner folder
//! (`DRILL_LEARN_DIR`); the graders are shared with real use
//! (`target/drill`).

mod common;

use common::{Learner, catalog, text};

#[test]
fn first_run_shows_the_current_exercise_and_creates_its_file() {
    let learner = Learner::new();
    let out = learner.drill(&[], "");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("0/"), "{shown}");
    assert!(shown.contains("Current: spawn_join"), "{shown}");
    assert!(shown.contains("cargo drill check"), "{shown}");
    // The syllabus items point at the book's chapters, not at bare numbers.
    assert!(!shown.contains("syllabus"), "{shown}");
    assert!(
        shown
            .contains("book: Part I › 1. Concurrency versus parallelism (book/src/foundations/01-"),
        "{shown}"
    );
    let created = std::fs::read_to_string(learner.file("spawn_join.rs")).unwrap();
    assert!(created.contains("todo!("), "the skeleton's task is missing");
    assert!(
        !created.contains("ANCHOR"),
        "the book's anchor lines reached the learner's file"
    );
    assert!(learner.file("progress.toml").exists());
}

#[test]
fn hints_are_revealed_one_at_a_time_and_remembered() {
    let learner = Learner::new();
    let first = text(&learner.drill(&["hint"], ""));
    assert!(first.contains("1/3") && !first.contains("2/3"), "{first}");
    let second = text(&learner.drill(&["hint"], ""));
    assert!(second.contains("1/3") && second.contains("2/3"), "{second}");
    let progress = std::fs::read_to_string(learner.file("progress.toml")).unwrap();
    assert!(progress.contains("hints = 2"), "{progress}");
}

#[test]
fn the_solution_stays_closed_until_the_exercise_passes() {
    let learner = Learner::new();
    let out = learner.drill(&["solution", "lost_update"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("has not passed yet"), "{}", text(&out));
}

#[test]
fn next_refuses_before_a_pass_and_skip_moves_on() {
    let learner = Learner::new();
    let out = learner.drill(&["next"], "");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = learner.drill(&["skip"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !text(&out).contains("Current: spawn_join"),
        "{}",
        text(&out)
    );
    let list = text(&learner.drill(&["list"], ""));
    assert!(list.contains("skipped"), "{list}");
}

#[test]
fn reset_asks_first_and_restores_the_skeleton() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let file = learner.file("lost_update.rs");
    std::fs::write(&file, "// my work").unwrap();
    learner.drill(&["reset", "lost_update"], "n\n");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "// my work",
        "a no keeps the file"
    );
    learner.drill(&["reset", "lost_update"], "y\n");
    let skeleton = std::fs::read_to_string(catalog("lost_update", "skeleton.rs")).unwrap();
    let pristine: String = skeleton
        .lines()
        .filter(|line| !line.contains("ANCHOR"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pristine);
}

#[test]
fn a_damaged_progress_file_is_reported_and_repaired_from_the_backup() {
    let learner = Learner::new();
    learner.drill(&[], "");
    learner.drill(&["hint"], ""); // a second save: it leaves a backup: the second leaves a backup
    let progress = learner.file("progress.toml");
    std::fs::write(&progress, "version = 1\ncurrent = [half-written").unwrap();
    let out = learner.drill(&[], "");
    assert_eq!(out.status.code(), Some(2));
    let shown = text(&out);
    assert!(
        shown.contains("damaged") && shown.contains("cargo drill repair"),
        "{shown}"
    );
    assert!(
        learner.file("spawn_join.rs").exists(),
        "exercise files are untouched"
    );
    let out = learner.drill(&["repair"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("last good copy"), "{}", text(&out));
    let after = text(&learner.drill(&[], ""));
    assert!(after.contains("Current: spawn_join"), "{after}");
    let kept = std::fs::read_dir(learner.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains("damaged"));
    assert!(kept, "the damaged file is kept for inspection");
}

#[test]
fn a_primitive_the_checkers_cannot_see_is_refused_before_compiling() {
    let learner = Learner::new();
    learner.drill(&[], "");
    std::fs::write(
        learner.file("lost_update.rs"),
        "use std::sync::Mutex;\nstatic COUNT: Mutex<u64> = Mutex::new(0);\n",
    )
    .unwrap();
    let out = learner.drill(&["check", "lost_update"], "");
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out);
    assert!(
        shown.contains("line 1") && shown.contains("invisible to loom and shuttle"),
        "{shown}"
    );
}

#[test]
fn unknown_names_get_a_clear_error() {
    let learner = Learner::new();
    let out = learner.drill(&["check", "lost_updat"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("did you mean lost_update"),
        "{}",
        text(&out)
    );
    let out = learner.drill(&["interview", "nope"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn status_and_list_agree_on_titles_and_list_columns_line_up() {
    let learner = Learner::new();
    let status = text(&learner.drill(&["go", "interview_bounded_queue"], ""));
    let title = status
        .lines()
        .find_map(|l| l.strip_prefix("Current: interview_bounded_queue — "))
        .unwrap_or_else(|| panic!("{status}"));
    let list = text(&learner.drill(&["list"], ""));
    let row = list
        .lines()
        .find(|l| l.contains(" interview_bounded_queue "))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(
        row.contains(title),
        "status says {title:?}, list says {row:?}"
    );
    // Every row's stars start in one column, the longest id included.
    let columns: std::collections::BTreeSet<usize> = list
        .lines()
        .filter_map(|l| l.find('★').map(|byte| l[..byte].chars().count()))
        .collect();
    assert_eq!(columns.len(), 1, "misaligned:\n{list}");
}

#[test]
fn the_last_hint_points_at_the_learners_copy_of_the_suite() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let mut last = String::new();
    for _ in 0..4 {
        last = text(&learner.drill(&["hint", "lost_update"], ""));
    }
    assert!(last.contains("That was the last hint"), "{last}");
    assert!(
        !last.contains("<id>") && !last.contains("catalog"),
        "{last}"
    );
    let copy = learner.file("suites/lost_update.rs");
    assert!(last.contains(&copy.display().to_string()), "{last}");
    let suite = std::fs::read_to_string(&copy).unwrap();
    assert!(suite.contains("exercises::suite!"), "{suite}");
}
