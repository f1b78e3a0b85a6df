//! The review drill: every wrong answer in the catalog is a snippet (or
//! says why not), a session grades the named line against the diff to the
//! solution, a seed repeats a set, and the session is remembered.

mod common;

use common::{Learner, text};
use drill::review::snippet::{self, Skipped};
use exercises::registry::Registry;

#[test]
fn every_wrong_answer_is_a_snippet_or_says_why() {
    let root = exercises::root();
    let registry = Registry::load(&root).expect("the registry");
    let (snippets, skipped) = snippet::all(&registry, &root);
    let mut problems = Vec::new();
    for (exercise, wrong, why) in &skipped {
        if matches!(why, Skipped::SameAsSolution | Skipped::Unreadable(_)) {
            problems.push(format!("{exercise}/wrong_{wrong}: {why:?}"));
        }
    }
    for s in &snippets {
        let outside = s
            .changed
            .iter()
            .any(|r| *r.start() == 0 || *r.end() > s.code.len() + 1);
        if s.changed.is_empty() || outside || s.fix.is_empty() {
            problems.push(format!(
                "{}/wrong_{}: changed {:?} of {} lines",
                s.exercise,
                s.wrong,
                s.changed,
                s.code.len()
            ));
        }
        if s.code.iter().any(|l| l.contains("//")) {
            problems.push(format!(
                "{}/wrong_{}: a comment is left",
                s.exercise, s.wrong
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let not_code = skipped
        .iter()
        .filter(|(_, _, why)| *why == Skipped::NotCode)
        .count();
    let wrong: usize = registry
        .exercises
        .iter()
        .map(|e| e.wrong.len())
        .sum::<usize>()
        - not_code;
    eprintln!(
        "{} snippets from {wrong} wrong answers; skipped: {skipped:?}",
        snippets.len()
    );
    assert!(
        snippets.len() * 10 >= wrong * 7,
        "only {} of {wrong} wrong answers make a snippet",
        snippets.len()
    );
}

/// A snippet that is its exercise's only one, so that `--exercise`
/// makes a pipe session show it.
fn only_snippet() -> snippet::Snippet {
    let root = exercises::root();
    let registry = Registry::load(&root).expect("the registry");
    let (snippets, _) = snippet::all(&registry, &root);
    let alone = |s: &&snippet::Snippet| {
        snippets
            .iter()
            .filter(|other| other.exercise == s.exercise)
            .count()
            == 1
    };
    snippets
        .iter()
        .find(alone)
        .cloned()
        .expect("an exercise with a single snippet")
}

#[test]
fn a_session_grades_the_line_and_is_remembered() {
    let snippet = only_snippet();
    let right = *snippet.changed[0].start();
    let wrong = (1..=snippet.code.len())
        .find(|&l| !snippet.finds(l))
        .expect("a line outside the bug");
    let learner = Learner::new();
    learner.drill(&[], "");
    for (line, verdict) in [(right, "✓"), (wrong, "✗")] {
        let script = format!("0\n{line}\nHold the lock while waiting.\n\n1 3\n");
        let out = learner.drill(
            &["review", "--exercise", &snippet.exercise, "--count", "1"],
            &script,
        );
        let shown = text(&out);
        assert!(out.status.success(), "{shown}");
        for part in [
            "a line number from 1 to",
            &format!("{verdict} line {line}: the bug is on"),
            "The model fix",
            "Bugs found:",
        ] {
            assert!(shown.contains(part), "{part:?} missing:\n{shown}");
        }
    }
    let progress = std::fs::read_to_string(learner.file("progress.toml")).unwrap();
    assert_eq!(progress.matches("[[reviews]]").count(), 2, "{progress}");
    assert!(
        progress.contains("found = true") && progress.contains("found = false"),
        "{progress}"
    );
    assert!(
        progress.contains("Hold the lock while waiting."),
        "{progress}"
    );
    let list = text(&learner.drill(&["list"], ""));
    assert!(
        list.contains("2 session(s); the last found 0 bug(s) of 1"),
        "{list}"
    );
}

#[test]
fn a_seed_repeats_the_set() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let headings = |seed: &str| {
        let out = learner.drill(&["review", "--count", "3", "--seed", seed], "");
        text(&out)
            .lines()
            .filter(|l| l.starts_with("Snippet "))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // No input: each session stops at its first snippet, after showing it.
    let first = headings("11");
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first, headings("11"));
    let others: Vec<_> = (12..20).map(|s| headings(&s.to_string())).collect();
    assert!(
        others.iter().any(|o| *o != first),
        "every seed shows the same set"
    );
}

#[test]
fn misuse_is_a_clear_error() {
    let learner = Learner::new();
    learner.drill(&[], "");
    for (args, says) in [
        (
            &["review", "--count", "0"][..],
            "--count and --minutes must be at least 1",
        ),
        (&["review", "--exercise", "nope"][..], "nope"),
        (
            &["review", "--exercise", "read_report"][..],
            "no wrong answer to review",
        ),
    ] {
        let out = learner.drill(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(says), "{args:?}: {}", text(&out));
    }
}
