//! Failure reports under loom (shuttle's are in `reports_shuttle`: its
//! panic hook is process-wide).
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

mod reports_loom {
    use super::*;

    #[test]
    fn loom_lost_update() {
        let bug = Bug::named("lost_update");
        let text = report(bug.check().run_loom(bug.broken.loom).failure, bug.name);
        assert_has(
            &text,
            &[
                "scenario `lost_update` under loom (preemption bound 2)",
                "an increment was lost",
                "threads: main, incrementer",
                "step  thread",
                "incrementer    load(Relaxed)",
                "verification/src/zoo/lost_update.rs:",
                "CHECK_REPLAY=",
                "--test reports_loom reports_loom::loom_lost_update -- --exact",
            ],
        );
    }

    #[test]
    fn loom_deadlock() {
        let bug = Bug::named("lock_order");
        let text = report(bug.check().run_loom(bug.broken.loom).failure, bug.name);
        assert_has(
            &text,
            &[
                "under loom",
                "deadlock",
                "is blocked in lock at verification/src/zoo/lock_order.rs:",
                "CHECK_REPLAY=",
            ],
        );
    }
}
