//! The bug zoo: classic concurrency bugs, each next to its correct twin,
//! each with the checkers that must find it.
//!
//! Every bug is a small program written once, generic over the backend, in
//! its own file: `broken::<B>()` and `fixed::<B>()` run the same scenario
//! and assert the same guarantee, so the twin proves the scenario itself is
//! sound and the broken one proves the checker finds the bug. The
//! `zoo_*` test binaries assert both, per checker, and fail if a checker
//! stops finding a bug it is listed for; `cargo run -p verification --bin
//! zoo-matrix` measures every bug under every checker.

use crate::check::Check;

pub mod book;
mod check_then_act;
mod double_run;
mod heartbeat_by_supervisor;
mod if_not_while;
mod leaked_arc;
mod lock_order;
mod lost_update;
pub mod matrix;
mod mini_ring;
mod missed_wakeup;
mod notify_one_at_shutdown;
mod parking_lost_wakeup;
mod pressure_flaps;
mod relaxed_publish;
mod retry_races_first_attempt;
mod ring_read_before_full;
mod ring_relaxed_sequence;
mod router_breaks_order;
mod self_deadlock;
mod shutdown_drops_queued;
mod shutdown_never_ends;
mod stolen_wakeup;
mod worker_dies_on_panic;

/// The checkers of the zoo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checker {
    /// Real threads, repeated.
    Std,
    /// loom, exhaustive to a preemption bound.
    Loom,
    /// shuttle's random scheduler.
    ShuttleRandom,
    /// shuttle's PCT scheduler.
    ShuttlePct,
}

impl Checker {
    /// Every checker: for bugs that fail on every schedule.
    pub const ALL: &'static [Checker] = &[
        Checker::Std,
        Checker::Loom,
        Checker::ShuttleRandom,
        Checker::ShuttlePct,
    ];
    /// The model checkers: for bugs that need an unlucky interleaving,
    /// which real threads produce too rarely to rely on.
    pub const MODELS: &'static [Checker] =
        &[Checker::Loom, Checker::ShuttleRandom, Checker::ShuttlePct];
}

/// One program, instantiated for every backend.
#[derive(Debug, Clone, Copy)]
pub struct Program {
    /// On real threads.
    pub std: fn(),
    /// Under loom.
    pub loom: fn(),
    /// Under shuttle.
    pub shuttle: fn(),
}

/// Instantiates a generic `fn<B: Backend>()` for every backend.
macro_rules! program {
    ($($f:ident)::+) => {
        $crate::zoo::Program {
            std: $($f)::+::<executor::sync::Std>,
            loom: $($f)::+::<$crate::Loom>,
            shuttle: $($f)::+::<$crate::Shuttle>,
        }
    };
}
pub(crate) use program;

/// A bug of the zoo.
#[derive(Debug, Clone, Copy)]
pub struct Bug {
    /// Short identifier, also the test name.
    pub name: &'static str,
    /// What goes wrong, in a line.
    pub summary: &'static str,
    /// The broken program.
    pub broken: Program,
    /// Its correct twin.
    pub fixed: Program,
    /// The checkers that must find the bug (a test fails if one stops).
    pub found_by: &'static [Checker],
    /// Why the other checkers cannot (or need not) find it.
    pub blind_spots: &'static str,
    /// Inject spurious wake-ups when checking it.
    pub spurious: bool,
}

impl Bug {
    /// The check to run this bug's programs with.
    pub fn check(&self) -> Check {
        // Zoo programs take microseconds: a real-thread run stuck for two
        // seconds is a hang.
        let check = Check::new(self.name).watchdog_secs(2);
        if self.spurious {
            check.with_spurious_wakeups()
        } else {
            check
        }
    }

    /// The bug called `name`.
    pub fn named(name: &str) -> &'static Bug {
        BUGS.iter()
            .find(|bug| bug.name == name)
            .unwrap_or_else(|| panic!("no bug called {name} in the zoo"))
    }
}

/// Every bug, in the order the book presents them.
pub static BUGS: &[Bug] = &[
    lost_update::BUG,
    check_then_act::BUG,
    lock_order::BUG,
    self_deadlock::BUG,
    missed_wakeup::BUG,
    if_not_while::BUG,
    stolen_wakeup::BUG,
    notify_one_at_shutdown::BUG,
    shutdown_drops_queued::BUG,
    shutdown_never_ends::BUG,
    worker_dies_on_panic::BUG,
    relaxed_publish::BUG,
    double_run::BUG,
    router_breaks_order::BUG,
    leaked_arc::BUG,
    ring_read_before_full::BUG,
    ring_relaxed_sequence::BUG,
    parking_lost_wakeup::BUG,
    pressure_flaps::BUG,
    heartbeat_by_supervisor::BUG,
    retry_races_first_attempt::BUG,
];

/// Emits one `#[test]` per bug, in the calling module, asserting the zoo's
/// promise for one checker:
/// `mod zoo_loom { verification::zoo_tests!(Loom); }`.
#[macro_export]
macro_rules! zoo_tests {
    ($checker:ident) => {
        $crate::zoo_tests!(@bugs $crate::zoo::assert_zoo, $checker);
    };
    // The book's copy of each bug's report (see `zoo::book`).
    (book $checker:ident) => {
        $crate::zoo_tests!(@bugs $crate::zoo::book::assert_book_report, $checker);
    };
    (@bugs $assert:path, $checker:ident) => {
        $crate::zoo_tests!(@each $assert, $checker:
            lost_update,
            check_then_act,
            lock_order,
            self_deadlock,
            missed_wakeup,
            if_not_while,
            stolen_wakeup,
            notify_one_at_shutdown,
            shutdown_drops_queued,
            shutdown_never_ends,
            worker_dies_on_panic,
            relaxed_publish,
            double_run,
            router_breaks_order,
            leaked_arc,
            ring_read_before_full,
            ring_relaxed_sequence,
            parking_lost_wakeup,
            pressure_flaps,
            heartbeat_by_supervisor,
            retry_races_first_attempt,
        );
    };
    (@each $assert:path, $checker:ident: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $assert(stringify!($name), $crate::zoo::Checker::$checker);
            }
        )*
    };
}

/// What a zoo test asserts for `checker`: the broken program is found if
/// the bug lists this checker, and the fixed twin always passes.
pub fn assert_zoo(name: &str, checker: Checker) {
    let bug = Bug::named(name);
    let check = bug.check();
    let run = |program: &Program| match checker {
        Checker::Std => check.run_std(program.std),
        Checker::Loom => check.run_loom(program.loom),
        Checker::ShuttleRandom => check.run_shuttle(program.shuttle, false),
        Checker::ShuttlePct => check.run_shuttle(program.shuttle, true),
    };
    if bug.found_by.contains(&checker) {
        let verdict = run(&bug.broken);
        let report = verdict.failure.unwrap_or_else(|| {
            panic!(
                "{checker:?} no longer finds the bug `{name}` ({}): {} executions passed",
                bug.summary, verdict.executions
            )
        });
        eprintln!(
            "[zoo] {name}: {checker:?} found it after {} executions:\n{report}",
            verdict.executions
        );
    }
    run(&bug.fixed).expect_pass(name);
}
