//! Failure reports under shuttle (loom's are in `reports_loom`).
//!
//! For a lost update and for a deadlock, the report names the threads,
//! says which is blocked on what and where, shows the last steps with their
//! source lines, and gives a command that replays the failing schedule.

use verification::zoo::Bug;

mod reports_shuttle {
    use super::*;

    #[test]
    fn shuttle_lost_update() {
        let bug = Bug::named("lost_update");
        let report = bug.check().run_shuttle(bug.broken.shuttle, false).failure;
        let report = report.expect("shuttle finds the lost update");
        eprintln!(
            "{}",
            report.assert_mentions(&[
                "under shuttle random",
                "an increment was lost",
                "store(Relaxed)",
                "verification/src/zoo/lost_update.rs:",
                "CHECK_REPLAY=",
                "schedule",
            ])
        );
    }

    #[test]
    fn shuttle_deadlock() {
        let bug = Bug::named("lock_order");
        let report = bug.check().run_shuttle(bug.broken.shuttle, false).failure;
        let report = report.expect("shuttle finds the lock-order deadlock");
        eprintln!(
            "{}",
            report.assert_mentions(&[
                "under shuttle random",
                "deadlock",
                "is blocked in lock at verification/src/zoo/lock_order.rs:",
                "CHECK_REPLAY=",
            ])
        );
    }
}
