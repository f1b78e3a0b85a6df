//! Failure reports under loom (shuttle's are in `reports_shuttle`: its
//! panic hook is process-wide).
//!
//! For a lost update and for a deadlock, the report names the threads,
//! says which is blocked on what and where, shows the last steps with their
//! source lines (atomics with their ordering), and gives a command that
//! replays exactly that failure.

use verification::zoo::Bug;

mod reports_loom {
    use super::*;

    #[test]
    fn loom_lost_update() {
        let bug = Bug::named("lost_update");
        let report = bug.check().run_loom(bug.broken.loom).failure;
        let report = report.expect("loom finds the lost update");
        eprintln!(
            "{}",
            report.assert_mentions(&[
                "scenario `lost_update` under loom (preemption bound 2)",
                "an increment was lost",
                "threads: main, incrementer",
                "step  thread",
                "incrementer      load(Relaxed)",
                "verification/src/zoo/lost_update.rs:",
                "CHECK_REPLAY=",
                "--test reports_loom reports_loom::loom_lost_update -- --exact",
            ])
        );
    }

    #[test]
    fn loom_deadlock() {
        let bug = Bug::named("lock_order");
        let report = bug.check().run_loom(bug.broken.loom).failure;
        let report = report.expect("loom finds the lock-order deadlock");
        eprintln!(
            "{}",
            report.assert_mentions(&[
                "under loom",
                "deadlock",
                "is blocked in lock at verification/src/zoo/lock_order.rs:",
                "CHECK_REPLAY=",
            ])
        );
    }
}
