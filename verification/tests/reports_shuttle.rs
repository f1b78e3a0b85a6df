//! Failure reports under shuttle (loom's are in `reports_loom`).
//!
//! For a lost update and for a deadlock, the report names the threads,
//! says which is blocked on what and where, shows the last steps with their
//! source lines, and gives a command that replays the failing schedule.

use verification::zoo::Bug;

/// One failing shuttle run at a time: a run finds its schedule file as the
/// newest one written to the shared folder since it started, and a second
/// run failing at the same moment can take it (both tests then race for
/// each other's file, and one may report none).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

mod reports_shuttle {
    use super::*;

    #[test]
    fn shuttle_lost_update() {
        let _turn = turn();
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
        let _turn = turn();
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
