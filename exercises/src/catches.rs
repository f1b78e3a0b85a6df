//! Scenarios that must fail. In an exercise where the learner writes the
//! test, the suite runs that test on the reference implementation (it must
//! pass there: no false alarm) and on implementations with one known bug
//! each (it must fail there: the bug is caught). A checker that explores
//! every schedule of the test and finds none failing proves the test blind
//! to that bug, which is exactly what the learner needs to hear.
//!
//! Only the model checkers can grade such a scenario: real threads that
//! miss a bug in a hundred runs prove nothing about the test.

use verification::check::Verdict;
use verification::report::Report;

/// The verdict on "the learner's test catches `bug`", from the verdict of
/// running that test on a subject with `bug` planted in it.
///
/// ```
/// use verification::check::Verdict;
/// use verification::report::Report;
/// let passed = Verdict { checker: "loom".into(), executions: 9, elapsed: Default::default(), failure: None };
/// let uncaught = exercises::catches::caught("t.on_a_bug", "a lost wake-up", passed);
/// assert!(uncaught.failure.unwrap().message.contains("a lost wake-up"));
///
/// let failure = Report { scenario: "t.on_a_bug".into(), checker: "loom".into(),
///     message: "deadlock".into(), trace: None, replay: String::new() };
/// let failed = Verdict { checker: "loom".into(), executions: 3, elapsed: Default::default(),
///     failure: Some(failure) };
/// assert!(!exercises::catches::caught("t.on_a_bug", "a lost wake-up", failed).found());
/// ```
pub fn caught(scenario: &str, bug: &str, verdict: Verdict) -> Verdict {
    match verdict.failure {
        Some(_) => Verdict {
            failure: None,
            ..verdict
        },
        None => {
            let failure = Report {
                scenario: scenario.to_owned(),
                checker: verdict.checker.clone(),
                message: format!(
                    "your test passed on an implementation with a known bug: {bug}.\n\
                     The checker ran {} schedule(s) of your test and none failed, so this \
                     test would let the bug ship. Add the step that exposes it (the hints \
                     say which situation it needs).",
                    verdict.executions
                ),
                trace: Some(
                    "(no trace: no schedule failed, so there is no failing step to show)\n"
                        .to_owned(),
                ),
                replay: "nothing to replay: no schedule failed".to_owned(),
            };
            Verdict {
                failure: Some(failure),
                ..verdict
            }
        }
    }
}
