//! Grades `read_report`: each answer is checked against the report file
//! itself, read from the book when graded, so the key is a step's content
//! (thread, operation, source line), not a number that a regenerated
//! report would shift.

use super::answer::{Diagnosis, Fix};
use exercises::prelude::*;

/// One row of a report's step table.
struct Row<'a> {
    step: usize,
    thread: &'a str,
    operation: String,
    location: &'a str,
}

/// The step table of `report`: the rows after the `step thread operation
/// location` header.
fn rows(report: &str) -> Vec<Row<'_>> {
    report
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("step  thread"))
        .skip(1)
        .map_while(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let step = words.first()?.parse().ok()?;
            let (thread, location) = (*words.get(1)?, *words.last()?);
            let operation = words.get(2..words.len() - 1)?.join(" ");
            Some(Row {
                step,
                thread,
                operation,
                location,
            })
        })
        .collect()
}

/// Where a report goes wrong: a step given by its content.
struct Culprit {
    thread: &'static str,
    operation: &'static str,
    line: &'static str,
}

/// What the grader knows about one report.
struct Key {
    /// The report's file in `book/src/generated/reports/`.
    name: &'static str,
    culprits: &'static [Culprit],
    fix: Fix,
    /// A question that points at the right step without naming it.
    nudge: &'static str,
    /// Why a tempting wrong fix is wrong, per fix.
    wrong_fixes: &'static [(Fix, &'static str)],
}

/// Grades `answer` against `key`, with a message that says what to
/// look at again.
fn grade(key: &Key, answer: Diagnosis) {
    // Read when graded, not compiled in: the learner's copy of this suite
    // lives outside the workspace, and the report may be regenerated.
    let path = exercises::root().join("../book/src/generated/reports").join(key.name);
    let report = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("grader: cannot read {}: {e}", path.display()));
    let rows = rows(&report);
    assert!(
        !rows.is_empty(),
        "grader: no step table in {}: regenerate the book's reports",
        key.name
    );
    let right: Vec<&Row> = key
        .culprits
        .iter()
        .map(|c| {
            rows.iter()
                .find(|r| {
                    r.thread == c.thread
                        && r.operation.starts_with(c.operation)
                        && r.location.ends_with(c.line)
                })
                .unwrap_or_else(|| {
                    panic!("grader: {} has no step {} by {}", key.name, c.line, c.thread)
                })
        })
        .collect();
    let Some(named) = rows.iter().find(|r| r.step == answer.step) else {
        panic!(
            "{}: there is no step {} (the table has steps {} to {})",
            key.name,
            answer.step,
            rows[0].step,
            rows[rows.len() - 1].step
        );
    };
    assert!(
        named.thread == answer.thread,
        "{}: step {} was taken by `{}`, not `{}`: read the thread column of that row",
        key.name,
        answer.step,
        named.thread,
        answer.thread
    );
    if !right.iter().any(|r| r.step == answer.step) {
        let last = rows[rows.len() - 1].step;
        let symptom = if answer.step == last {
            " That is the last step, where the failure shows; the cause comes earlier."
        } else {
            ""
        };
        panic!(
            "{}: step {} (`{}` {} at {}) is not where it goes wrong.{symptom} {}",
            key.name, named.step, named.thread, named.operation, named.location, key.nudge
        );
    }
    if answer.fix != key.fix {
        let why = key
            .wrong_fixes
            .iter()
            .find(|(fix, _)| *fix == answer.fix)
            .map_or("it does not remove the schedule the report shows", |(_, why)| {
                why
            });
        panic!(
            "{}: the step is right, the fix is not: {:?} {why}",
            key.name, answer.fix
        );
    }
}

/// Guarantee: the stale load in loom's lost update is found, and fixed by
/// one indivisible step.
fn lost_update<B: Backend>() {
    grade(
        &Key {
            name: "lost_update.loom.txt",
            
            culprits: &[Culprit {
                thread: "incrementer",
                operation: "load",
                line: "lost_update.rs:43",
            }],
            fix: Fix::OneAtomicStep,
            nudge: "Which load returned a value that another thread had already overwritten?",
            wrong_fixes: &[(
                Fix::SeqCstEverywhere,
                "orders the loads and stores but leaves two steps: both threads can still load 0 before either stores (shuttle's report of the same bug shows exactly that)",
            )],
        },
        super::answer::lost_update(),
    );
}

/// Guarantee: the check that slips between another thread's check and
/// insert is found, and fixed with one lock hold.
fn check_then_act<B: Backend>() {
    grade(
        &Key {
            name: "check_then_act.shuttle.txt",
            
            culprits: &[Culprit {
                thread: "inserter",
                operation: "lock",
                line: "check_then_act.rs:64",
            }],
            fix: Fix::CheckAndActUnderOneLock,
            nudge: "Each thread locks twice, once to check and once to insert. Whose check lands between the other's check and insert?",
            wrong_fixes: &[(
                Fix::OneAtomicStep,
                "is about a counter; here the check and the insert are two lock holds, and they must become one",
            )],
        },
        super::answer::check_then_act(),
    );
}

/// Guarantee: the second lock of the cycle is found, and fixed with one
/// lock order.
fn lock_order<B: Backend>() {
    grade(
        &Key {
            name: "lock_order.shuttle.txt",
            
            culprits: &[Culprit {
                thread: "transfer-b-to-a",
                operation: "lock",
                line: "lock_order.rs:58",
            }],
            fix: Fix::OneLockOrder,
            nudge: "Both threads end blocked on their second lock. After which step did each hold the lock the other needs?",
            wrong_fixes: &[(
                Fix::AddATimeout,
                "turns the deadlock into a failed or retried transfer (two threads can time out and retry in step for ever); it does not remove the cycle",
            )],
        },
        super::answer::lock_order(),
    );
}

/// Guarantee: the single notify at shutdown is blamed, not the worker it
/// left asleep.
fn notify_one_at_shutdown<B: Backend>() {
    grade(
        &Key {
            name: "notify_one_at_shutdown.loom.txt",
            
            culprits: &[Culprit {
                thread: "main",
                operation: "notify_one",
                line: "notify_one_at_shutdown.rs:104",
            }],
            fix: Fix::NotifyAll,
            nudge: "A blocked thread is where a hang shows. Two workers were asleep when shutdown began: which step woke only one of them?",
            wrong_fixes: &[(
                Fix::WhileNotIf,
                "is already there (the worker waits with wait_while); the sleeper re-checks nothing because nobody woke it",
            )],
        },
        super::answer::notify_one_at_shutdown(),
    );
}

/// Guarantee: the Relaxed load (or its Relaxed store) is blamed, and
/// fixed with a Release/Acquire pair.
fn relaxed_publish<B: Backend>() {
    grade(
        &Key {
            name: "relaxed_publish.loom.txt",
            
            culprits: &[
                Culprit {
                    thread: "main",
                    operation: "load",
                    line: "relaxed_publish.rs:71",
                },
                Culprit {
                    thread: "publisher",
                    operation: "store",
                    line: "relaxed_publish.rs:66",
                },
            ],
            fix: Fix::ReleaseAcquire,
            nudge: "The race is on the data, read after the flag. Which atomic step should have carried the data's write across threads, and why did it not?",
            wrong_fixes: &[(
                Fix::SeqCstEverywhere,
                "works, but is stronger than needed: a Release store read by an Acquire load is the smallest fix",
            )],
        },
        super::answer::relaxed_publish(),
    );
}

exercises::suite! {
    exercise: "read_report",
    checkers: ["std"],
    scenarios: [lost_update, check_then_act, lock_order, notify_one_at_shutdown, relaxed_publish],
}
