//! A process-wide panic hook for test binaries: silences the panics that
//! scenarios raise on purpose. (Which thread panicked is recorded by the
//! model backends' `spawn`, not here.)
//!
//! Scenarios make tasks panic to check panic isolation; thousands of model
//! executions would otherwise print thousands of backtraces (and, under
//! shuttle, thousands of "failing schedule" dumps for panics the executor
//! caught). A panic whose message starts with [`DELIBERATE`] is recorded and
//! not printed; any other panic goes on to the previous hook (shuttle's,
//! which persists the failing schedule, then the default one).

use std::cell::Cell;
use std::sync::Once;

/// Prefix of the message of a panic a scenario raises on purpose.
pub const DELIBERATE: &str = "deliberate panic";

thread_local! {
    static SILENT: Cell<bool> = const { Cell::new(false) };
}

/// Installs the hook once per process. With `shuttle`, shuttle's own hook
/// (which persists a failing schedule) is installed first, so that ours
/// wraps it rather than the other way round; loom and std test binaries
/// leave it out. A test binary uses one checker, so the first call decides.
pub fn install(shuttle: bool) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The default hook, kept for the harness's own report (shuttle's
        // hook would dump a meaningless schedule for it).
        let default = std::panic::take_hook();
        if shuttle {
            // Shuttle installs its hook on its first execution.
            // Its hook keeps this first configuration for the whole process,
            // so give it the folder every shuttle run persists schedules to.
            let mut config = shuttle::Config::new();
            let dir = crate::check::shuttle_dir();
            let _ = std::fs::create_dir_all(&dir);
            config.failure_persistence = shuttle::FailurePersistence::File(Some(dir));
            shuttle::Runner::new(shuttle::scheduler::RandomScheduler::new(1), config).run(|| {});
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Nothing here may touch a checker's state: the checker may be
            // the one panicking (loom's deadlock report), and a panic inside
            // the hook aborts the process.
            let message = executor::panic_message(info.payload());
            if message.starts_with(DELIBERATE) || SILENT.get() {
                return;
            }
            if message.starts_with(crate::report::HEADER) {
                return default(info);
            }
            previous(info);
        }));
    });
}

/// Runs `f` with every panic on this thread kept quiet (used when the
/// harness re-runs a failure only to capture its replay file).
pub fn silently<R>(f: impl FnOnce() -> R) -> R {
    SILENT.set(true);
    let result = f();
    SILENT.set(false);
    result
}
