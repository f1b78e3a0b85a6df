//! The Python 3.8 interview drills (`exercises/python/`): every reference
//! solution passes the harness and every skeleton fails it; every wrong
//! answer is rejected on fixed seeds; 3.9+ syntax and APIs are refused;
//! `cargo drill check|interview --python` run end to end.
//!
//! `PYTHON_DRILL_SEEDS=40 cargo test -p drill --test python_drills
//! rejection_rates -- --nocapture` also grades every wrong answer under 40
//! seeds and requires each to be rejected at least 95% of the time (a few
//! minutes: a hang costs its watchdog timeout).

mod common;

use common::{Learner, text};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The interpreter the harness runs on.
fn python() -> String {
    std::env::var("DRILL_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Fails with what to install when there is no Python 3.8+.
fn require_python() {
    let probe = Command::new(python())
        .args(["-c", "import sys; assert sys.version_info >= (3, 8)"])
        .output();
    match probe {
        Ok(out) if out.status.success() => {}
        _ => panic!(
            "the Python drill tests need Python 3.8 or newer as `{}` on the PATH: \
             install python3 (e.g. `apt-get install python3`) or set DRILL_PYTHON",
            python()
        ),
    }
}

fn python_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../python")
}

fn drills() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(python_dir().join("drills"))
        .expect("exercises/python/drills")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

fn wrong_answers(drill: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(python_dir().join("drills").join(drill))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("wrong_"))
        })
        .collect();
    files.sort();
    files
}

/// Grades `file` as `drill`: whether it passed, and the report.
fn grade(drill: &str, file: &Path, seed: u64, rounds: u32, timeout: f64) -> (bool, String) {
    let out = Command::new(python())
        .arg(python_dir().join("harness/grade.py"))
        .arg(drill)
        .arg(file)
        .args(["--seed", &seed.to_string()])
        .args(["--rounds", &rounds.to_string()])
        .args(["--timeout", &timeout.to_string()])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run the harness");
    let report = text(&out);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "the harness itself failed on {}:\n{report}",
        file.display()
    );
    (out.status.success(), report)
}

/// Runs `jobs` on a few threads at a time (the tests share two cores).
fn in_parallel<T: Send>(jobs: Vec<Box<dyn FnOnce() -> T + Send>>) -> Vec<T> {
    let mut results = Vec::new();
    let mut jobs = jobs.into_iter().peekable();
    while jobs.peek().is_some() {
        let batch: Vec<_> = jobs.by_ref().take(4).collect();
        results.extend(std::thread::scope(|s| {
            let handles: Vec<_> = batch.into_iter().map(|job| s.spawn(job)).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .collect::<Vec<T>>()
        }));
    }
    results
}

#[test]
fn every_reference_solution_passes_and_every_skeleton_fails() {
    require_python();
    let ids = drills();
    assert!(ids.len() >= 4, "{ids:?}");
    let jobs: Vec<Box<dyn FnOnce() + Send>> = ids
        .iter()
        .map(|id| {
            let id = id.clone();
            Box::new(move || {
                let dir = python_dir().join("drills").join(&id);
                let (passed, report) = grade(&id, &dir.join("solution.py"), 1, 10, 10.0);
                assert!(passed, "the reference solution of {id} fails:\n{report}");
                let (passed, report) = grade(&id, &dir.join("skeleton.py"), 1, 1, 10.0);
                assert!(
                    !passed && report.contains("NotImplementedError"),
                    "the skeleton of {id} should fail as not implemented:\n{report}"
                );
                assert!(dir.join("statement.md").is_file(), "{id}: no statement");
                assert!(
                    wrong_answers(&id).len() >= 3,
                    "{id}: fewer than 3 wrong answers"
                );
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    in_parallel(jobs);
}

#[test]
fn every_wrong_answer_is_rejected_with_a_replayable_report() {
    require_python();
    let mut jobs: Vec<Box<dyn FnOnce() -> Option<String> + Send>> = Vec::new();
    for id in drills() {
        for file in wrong_answers(&id) {
            let id = id.clone();
            jobs.push(Box::new(move || {
                let (passed, report) = grade(&id, &file, 1, 20, 2.0);
                if passed {
                    return Some(format!("{} passed:\n{report}", file.display()));
                }
                for part in [
                    "✗ FAILED",
                    "seed:",
                    "invariant:",
                    "events",
                    "replay:",
                    "--seed",
                ] {
                    assert!(report.contains(part), "{part:?} missing:\n{report}");
                }
                None
            }));
        }
    }
    let escaped: Vec<String> = in_parallel(jobs).into_iter().flatten().collect();
    assert!(escaped.is_empty(), "{}", escaped.join("\n\n"));
}

#[test]
fn newer_python_is_refused_with_a_reason() {
    require_python();
    let dir = tempfile::tempdir().unwrap();
    let solution =
        std::fs::read_to_string(python_dir().join("drills/backpressure/solution.py")).unwrap();
    let cases = [
        (
            "match 1:\n    case 1:\n        pass\n",
            "not Python 3.8 syntax",
        ),
        (
            "with (open('a') as a, open('b') as b):\n    pass\n",
            "not Python 3.8 syntax",
        ),
        (
            "def f(x: list[int]) -> None:\n    pass\n",
            "list[...] is 3.9+",
        ),
        ("MERGED = {'a': 1} | {'b': 2}\n", "dict | dict is 3.9+"),
        ("X = 'ab'.removeprefix('a')\n", "removeprefix is 3.9+"),
        ("from functools import cache\n", "functools.cache is 3.9+"),
        (
            "def f(x: int | None) -> None:\n    pass\n",
            "X | Y as a type is 3.10+",
        ),
    ];
    for (i, (line, message)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("case{i}.py"));
        std::fs::write(&file, format!("{solution}\n{line}")).unwrap();
        let (passed, report) = grade("backpressure", &file, 1, 1, 10.0);
        assert!(
            !passed && report.contains(message),
            "{line:?} should be refused with {message:?}:\n{report}"
        );
    }
    // Lazy annotations are never evaluated: builtin generics are fine there.
    let file = dir.path().join("lazy.py");
    std::fs::write(
        &file,
        format!(
            "from __future__ import annotations\n{solution}\n\ndef f(x: list[int]) -> dict[str, int]:\n    return {{}}\n"
        ),
    )
    .unwrap();
    let (passed, report) = grade("backpressure", &file, 1, 2, 10.0);
    assert!(passed, "lazy annotations should pass:\n{report}");
}

#[test]
fn the_harness_and_the_drills_are_python_3_8() {
    require_python();
    let script = "import glob, sys\nsys.path.insert(0, sys.argv[1] + '/harness')\nimport syntax\n\
                  bad = [p for f in sorted(glob.glob(sys.argv[1] + '/**/*.py', recursive=True))\n\
                  for p in syntax.check(open(f).read(), f)]\nprint('\\n'.join(bad))\nsys.exit(1 if bad else 0)\n";
    let out = Command::new(python())
        .args(["-c", script])
        .arg(python_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn check_and_interview_run_end_to_end_with_python() {
    require_python();
    let learner = Learner::new();
    learner.drill(&[], "");
    let out = learner.drill(&["check", "executor", "--python"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("from the skeleton") && shown.contains("NotImplementedError"),
        "{shown}"
    );
    assert!(
        shown.contains("replay:    cargo drill check executor --python --seed"),
        "{shown}"
    );
    std::fs::copy(
        python_dir().join("drills/executor/solution.py"),
        learner.file("executor.py"),
    )
    .unwrap();
    let out = learner.drill(
        &["check", "interview_executor", "--python", "--seed", "3"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));

    std::fs::copy(
        python_dir().join("drills/bounded_queue/solution.py"),
        learner.file("bounded_queue.py"),
    )
    .unwrap();
    // Keep my file (n), start (Enter), a hint (h), grade (c), then Enter
    // and "1" per follow-up.
    let script = format!("n\n\nh\nc\n{}", "\n1\n".repeat(20));
    let out = learner.drill(&["interview", "bounded_queue", "--python"], &script);
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    for part in [
        "Interview drill in Python 3.8",
        "Hint 1/3: A deque, a Lock and two Conditions",
        "class BoundedQueue",
        "Code passes after",
        "Model answer",
        "Drill bounded_queue finished",
    ] {
        if part == "class BoundedQueue" {
            let skeleton = std::fs::read_to_string(learner.file("bounded_queue.py")).unwrap();
            assert!(skeleton.contains(part), "{skeleton}");
        } else {
            assert!(shown.contains(part), "{part:?} missing:\n{shown}");
        }
    }
    let progress = std::fs::read_to_string(learner.file("progress.toml")).unwrap();
    assert!(
        progress.contains("passed = true") && progress.contains("python: ✓ bounded_queue"),
        "{progress}"
    );
    let out = learner.drill(&["interview", "full_round", "--python"], "");
    assert!(
        !out.status.success() && text(&out).contains("no Python version of drill"),
        "{}",
        text(&out)
    );
}

#[test]
fn rejection_rates() {
    let Some(seeds) = std::env::var("PYTHON_DRILL_SEEDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    else {
        eprintln!("set PYTHON_DRILL_SEEDS=40 to measure the rejection rates");
        return;
    };
    require_python();
    let mut rows = Vec::new();
    for id in drills() {
        for file in wrong_answers(&id) {
            let jobs: Vec<Box<dyn FnOnce() -> bool + Send>> = (0..seeds)
                .map(|k| {
                    let (id, file) = (id.clone(), file.clone());
                    Box::new(move || !grade(&id, &file, 1 + 1000 * k, 20, 2.0).0)
                        as Box<dyn FnOnce() -> bool + Send>
                })
                .collect();
            let rejected = in_parallel(jobs).into_iter().filter(|r| *r).count() as u64;
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            eprintln!("{id:<14} {name:<34} {rejected}/{seeds}");
            rows.push((id.clone(), name, rejected));
        }
    }
    let weak: Vec<_> = rows
        .iter()
        .filter(|(_, _, r)| r * 100 < seeds * 95)
        .collect();
    assert!(
        weak.is_empty(),
        "rejected less than 95% of the time: {weak:?}"
    );
}

#[test]
fn a_hang_shows_every_stack_and_a_failure_replays_from_its_seed() {
    require_python();
    let drills = python_dir().join("drills");
    let (passed, report) = grade(
        "executor",
        &drills.join("executor/wrong_notify_at_shutdown.py"),
        1,
        20,
        2.0,
    );
    assert!(!passed, "{report}");
    for part in [
        "no hang:",
        "every thread's stack",
        "in shutdown",
        "in _worker",
    ] {
        assert!(report.contains(part), "{part:?} missing:\n{report}");
    }

    let file = drills.join("rates/wrong_current_window.py");
    let (passed, report) = grade("rates", &file, 500, 20, 2.0);
    assert!(!passed, "{report}");
    let line = |prefix: &str, report: &str| {
        report
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} line:\n{report}"))
            .to_owned()
    };
    let seed: u64 = line("seed:", &report)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a seed");
    let (passed, again) = grade("rates", &file, seed, 1, 2.0);
    assert!(
        !passed && line("invariant:", &again) == line("invariant:", &report),
        "replaying seed {seed} alone should break the same invariant:\n{report}\n---\n{again}"
    );
}
