//! A timed interview drill walked end to end on a pipe: start, grade a
//! passing answer, answer every follow-up, tick the rubric, and find the
//! result in the history and on the status screen.

mod common;

use common::{Learner, catalog, text};

#[test]
fn a_drill_runs_from_statement_to_rubric_and_is_remembered() {
    let learner = Learner::new();
    learner.drill(&[], "");
    std::fs::copy(
        catalog("interview_bounded_queue", "solution.rs"),
        learner.file("interview_bounded_queue.rs"),
    )
    .unwrap();
    // Keep my file (n), start the countdown (Enter), grade (c), then for
    // every follow-up: Enter after answering, and tick points 1 and 2; the
    // first answer is typed (two lines, then an empty one).
    let script = format!(
        "n\n\nc\nA lock and two conditions.\nwhile, not if.\n\n1 2\n{}",
        "\n1 2\n".repeat(20)
    );
    let out = learner.drill(&["interview", "bounded_queue"], &script);
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    for part in [
        "The same API in Python 3.8",
        "The 60-minute plan",
        "Code passes after",
        "Q1/",
        "Model answer",
        "Drill bounded_queue finished",
    ] {
        assert!(shown.contains(part), "{part:?} missing:\n{shown}");
    }
    let questions = shown.matches("Model answer").count() as u32;
    let progress = std::fs::read_to_string(learner.file("progress.toml")).unwrap();
    assert!(
        progress.contains("[[interviews]]") && progress.contains("passed = true"),
        "{progress}"
    );
    assert!(
        progress.contains(&format!("rubric = {}", 2 * questions)),
        "{progress}"
    );
    assert!(
        !progress.contains("[active_interview]"),
        "the drill is over:\n{progress}"
    );
    assert!(
        progress.contains("[[interviews.answers]]")
            && progress.contains("A lock and two conditions.\nwhile, not if."),
        "the typed answer is kept:\n{progress}"
    );

    let status = text(&learner.drill(&["interview"], ""));
    assert!(
        status.contains("best: passed") && status.contains("1 attempt"),
        "{status}"
    );
}

#[test]
fn a_drill_left_with_q_resumes_its_countdown() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let out = learner.drill(&["interview", "bounded_queue"], "\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("paused: `cargo drill interview bounded_queue` resumes"),
        "{}",
        text(&out)
    );
    let progress = std::fs::read_to_string(learner.file("progress.toml")).unwrap();
    assert!(progress.contains("[active_interview]"), "{progress}");
    let listed = text(&learner.drill(&["interview"], ""));
    assert!(
        listed.contains("cargo drill interview bounded_queue") && listed.contains("resume"),
        "{listed}"
    );
    // Declining to abandon it for another drill is a choice, not an error.
    let other = learner.drill(&["interview", "executor"], "n\n");
    let shown = text(&other);
    assert_eq!(other.status.code(), Some(0), "{shown}");
    assert!(
        !shown.contains("error")
            && shown.contains("`cargo drill interview bounded_queue` resumes it"),
        "{shown}"
    );
    // Resume (y), then give up on the code (d) and skip every question.
    let out = learner.drill(
        &["interview", "bounded_queue"],
        &format!("y\nd\n{}", "\n\n".repeat(20)),
    );
    let shown = text(&out);
    assert!(
        shown.contains("Resume") && shown.contains("not passing"),
        "{shown}"
    );
}

#[test]
fn a_failing_check_inside_a_drill_offers_the_keys() {
    let learner = Learner::new();
    learner.drill(&[], "");
    // A fresh skeleton (Enter), check it (c): it fails; then done (d) and
    // skip the questions.
    let out = learner.drill(
        &["interview", "bounded_queue"],
        &format!("\nc\nd\n{}", "\n\n".repeat(20)),
    );
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("[h]") && shown.contains("[c]"), "{shown}");
    assert!(!shown.contains("cargo drill hint"), "{shown}");
}
