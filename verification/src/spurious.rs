//! Spurious wake-ups on demand, so code that waits with `if` instead of
//! `while` fails under the checkers instead of passing by luck.
//!
//! Real condition variables may return without a notification; neither loom
//! nor shuttle does so on its own. The model backends ask this module, at
//! every `wait`, whether to return spuriously. The choice must be
//! deterministic under the checker so a failure replays:
//!
//! - **shuttle**: each wait flips a coin from `shuttle::rand`, which is part
//!   of the schedule (replayed with it), while a per-execution budget lasts;
//! - **loom**: loom offers no free choice point, so the harness picks *which*
//!   wait (by its index in the execution) returns spuriously and runs the
//!   model once per index.
//!
//! The state is thread-local: both checkers run every simulated thread of an
//! execution on the OS thread of the test, so this is per-test state, and
//! tests running in parallel do not see each other's.

use std::cell::Cell;

/// How a test wants spurious wake-ups injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Spurious {
    /// Never: a wait returns only when notified.
    #[default]
    Off,
    /// shuttle: up to this many waits per execution may return spuriously,
    /// each decided by a schedule-controlled coin.
    Budget(usize),
    /// loom: exactly the wait with this index (0-based, per execution)
    /// returns spuriously.
    AtWait(usize),
}

thread_local! {
    static MODE: Cell<Spurious> = const { Cell::new(Spurious::Off) };
    static WAITS: Cell<usize> = const { Cell::new(0) };
    static SPENT: Cell<usize> = const { Cell::new(0) };
}

/// Sets the mode for the models this OS thread runs next.
pub fn set_mode(mode: Spurious) {
    MODE.set(mode);
}

/// Starts a new execution: resets the wait index and the budget spent.
pub fn begin_execution() {
    WAITS.set(0);
    SPENT.set(0);
}

// ANCHOR: spurious_decides
/// Called by the loom backend at every wait.
pub(crate) fn loom_decides() -> bool {
    let index = WAITS.get();
    WAITS.set(index + 1);
    matches!(MODE.get(), Spurious::AtWait(k) if k == index)
}

/// Called by the shuttle backend at every wait.
pub(crate) fn shuttle_decides() -> bool {
    use shuttle::rand::Rng;
    let Spurious::Budget(budget) = MODE.get() else {
        return false;
    };
    if SPENT.get() >= budget {
        return false;
    }
    let spurious = shuttle::rand::thread_rng().gen_bool(0.5);
    if spurious {
        SPENT.set(SPENT.get() + 1);
    }
    spurious
}
// ANCHOR_END: spurious_decides
