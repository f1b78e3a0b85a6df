//! Failure reports under shuttle (loom's are in `reports_loom`).
//!
//! The failure reports a learner reads: for a lost update and for a
//! deadlock, under loom and under shuttle, the report names the threads,
//! says which is blocked on what and where, shows the last steps with
//! their source lines (atomics with their ordering), and gives a command
//! that replays exactly that failure.

use verification::report::Report;
use verification::zoo::Bug;

fn report(found: Option<Report>, bug: &str) -> String {
    let report = found.unwrap_or_else(|| panic!("the checker did not find `{bug}`"));
    let text = report.to_string();
    eprintln!("{text}");
    text
}

fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            text.contains(needle),
            "the report lacks {needle:?}:\n{text}"
        );
    }
}

mod reports_shuttle {
    use super::*;

    #[test]
    fn shuttle_lost_update() {
        let bug = Bug::named("lost_update");
        let text = report(
            bug.check().run_shuttle(bug.broken.shuttle, false).failure,
            bug.name,
        );
        assert_has(
            &text,
            &[
                "under shuttle random",
                "an increment was lost",
                "store(Relaxed)",
                "verification/src/zoo/lost_update.rs:",
                "CHECK_REPLAY=",
                "schedule",
            ],
        );
    }

    #[test]
    fn shuttle_deadlock() {
        let bug = Bug::named("lock_order");
        let text = report(
            bug.check().run_shuttle(bug.broken.shuttle, false).failure,
            bug.name,
        );
        assert_has(
            &text,
            &[
                "under shuttle random",
                "deadlock",
                "is blocked in lock at verification/src/zoo/lock_order.rs:",
                "CHECK_REPLAY=",
            ],
        );
    }
}
