//! A staged drill (the full round) on a pipe: the stages and the clock's
//! stage are shown, `c` reports each stage on its own, and a drill
//! without stages shows none of it. Time is moved by starting the
//! countdown, then setting its recorded start back in `progress.toml`,
//! which is where a resumed countdown reads it from: no sleeping.

mod common;

use common::{Learner, catalog, text};
use exercises::registry::Registry;

/// Starts `drill`'s countdown and leaves it (q), then moves its start
/// `minutes` into the past, as if the learner had been at it that long.
fn started_minutes_ago(learner: &Learner, drill: &str, minutes: i64) {
    let out = learner.drill(&["interview", drill], "\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    let path = learner.file("progress.toml");
    let progress = std::fs::read_to_string(&path).unwrap();
    let earlier = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(minutes);
    let line = progress
        .lines()
        .skip_while(|l| !l.starts_with("[active_interview]"))
        .find(|l| l.starts_with("started"))
        .unwrap_or_else(|| panic!("no countdown recorded:\n{progress}"));
    let moved = progress.replace(line, &format!("started = \"{earlier}\""));
    std::fs::write(&path, moved).unwrap();
}

#[test]
fn a_fresh_full_round_shows_its_stages_and_grades_the_skeleton_by_stage() {
    let learner = Learner::new();
    learner.drill(&[], "");
    // A fresh skeleton (Enter), grade it (c), leave (q).
    let out = learner.drill(&["interview", "full_round"], "\nc\nq\n");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    for part in [
        "The 60-minute plan",
        "The stages",
        "stage 1  minutes  0-20",
        "stage 3  minutes 30-40",
        "stage 1 of 3 (The executor",
        "left in it",
        "stage by stage",
        "paused: `cargo drill interview full_round` resumes",
    ] {
        assert!(shown.contains(part), "{part:?} missing:\n{shown}");
    }
    let stage_lines: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("reach a todo!()"))
        .collect();
    assert_eq!(stage_lines.len(), 3, "one 'to do' line per stage:\n{shown}");
    assert!(
        stage_lines[1].contains("stage 2 (") && stage_lines[1].contains("not due yet"),
        "at minute 0, stage 2 is not due:\n{shown}"
    );
    assert!(
        !shown.contains("First failure"),
        "code not written yet is to do, not a failure report:\n{shown}"
    );
}

#[test]
fn at_minute_25_stage_1_passes_and_stage_2_is_the_one_reported() {
    let learner = Learner::new();
    learner.drill(&[], "");
    started_minutes_ago(&learner, "full_round", 25);
    // An answer whose stage 1 is right and whose stage 2 has one bug.
    std::fs::copy(
        catalog("interview_full_round", "wrong_notify_one_for_a_key.rs"),
        learner.file("interview_full_round.rs"),
    )
    .unwrap();
    // Resume (y), grade (c), leave (q).
    let out = learner.drill(&["interview", "full_round"], "y\nc\nq\n");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(
        shown.contains("stage 2 of 3 (Partitioning") && shown.contains("left in it"),
        "at minute 25 the clock expects stage 2:\n{shown}"
    );
    let line = |stage: &str| {
        shown
            .lines()
            .find(|l| l.contains(&format!("{stage} (")) && l.contains("scenarios"))
            .unwrap_or_else(|| panic!("no line for {stage}:\n{shown}"))
    };
    assert!(line("stage 1").contains("passes"), "{shown}");
    // The missed wake-up hangs every scenario that waits for a keyed task,
    // the keyed wake-up's own among them; stage 3 is not due yet.
    assert!(
        line("stage 2").contains("of 3 scenarios fail: stage2_keys_wake_their_own_worker"),
        "{shown}"
    );
    assert!(line("stage 3").contains("not due yet"), "{shown}");
    assert!(
        shown.contains("First failure")
            && shown.contains("stage2_keys_wake_their_own_worker under"),
        "the due stage's failure is reported:\n{shown}"
    );
}

#[test]
fn a_drill_without_stages_shows_no_stage() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let out = learner.drill(&["interview", "bounded_queue"], "\nq\n");
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(
        !shown.contains("The stages") && !shown.contains("left in it"),
        "{shown}"
    );
}

#[test]
fn stages_must_end_where_plan_steps_end() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let registry = Registry::load(&root).expect("the registry");
    let full = registry.drill("full_round").expect("the full round");
    let minutes: Vec<u32> = full.stage.iter().map(|s| s.minutes).collect();
    assert_eq!(minutes, [20, 10, 10], "the full round follows the plan");

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root.join("exercises.toml"),
        dir.path().join("exercises.toml"),
    )
    .unwrap();
    let drills = std::fs::read_to_string(root.join("interviews.toml")).unwrap();
    let off_plan = drills.replacen(
        "minutes = 20\nscenarios = \"stage1_\"",
        "minutes = 18\nscenarios = \"stage1_\"",
        1,
    );
    assert_ne!(
        off_plan, drills,
        "the full round's first stage is 20 minutes"
    );
    std::fs::write(dir.path().join("interviews.toml"), off_plan).unwrap();
    let error = Registry::load(dir.path())
        .expect_err("a stage ending mid-step")
        .to_string();
    assert!(error.contains("stage 1 ends at minute 18"), "{error}");
}

#[test]
fn a_full_round_passing_every_stage_goes_on_to_the_follow_ups() {
    let learner = Learner::new();
    learner.drill(&[], "");
    std::fs::copy(
        catalog("interview_full_round", "solution.rs"),
        learner.file("interview_full_round.rs"),
    )
    .unwrap();
    // Keep my file (n), start (Enter), grade (c), skip every question.
    let out = learner.drill(
        &["interview", "full_round"],
        &format!("n\n\nc\n{}", "\n\n".repeat(10)),
    );
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    let passing = shown.lines().filter(|l| l.contains("): passes (")).count();
    assert_eq!(passing, 3, "every stage passes:\n{shown}");
    for part in ["Code passes after", "Q1/", "Drill full_round finished"] {
        assert!(shown.contains(part), "{part:?} missing:\n{shown}");
    }
}
