//! # Read a failure report
//!
//! A model checker's report is a short story: which threads there were,
//! which one was blocked or panicked, and the last steps of the schedule
//! that failed, one row per visible operation (`step`, `thread`,
//! `operation`, `location`). An atomic row shows its memory ordering and the
//! value it read or wrote: `load(Relaxed) -> 0`, `store(Release) <- true`,
//! `fetch_add(Relaxed) +5 -> 0`. A `wait` row is a thread going to sleep on
//! a condition variable, `woken` its return; `lock` and `join` rows are
//! recorded when the lock is held or the join returns.
//!
//! The story's last line is where the failure *shows*: an assertion, a
//! deadlock. The skill is finding where it *went wrong*: the one step after
//! which the failure could no longer be avoided, taken by the thread that
//! should have acted differently.
//!
//! ## Your task
//! Five real reports from the bug zoo are in the book's generated folder
//! (`book/src/generated/reports/`, shown in the zoo chapters); the code
//! they name is in `verification/src/zoo/`. For each, return a
//! [`Diagnosis`]: the step number where it goes wrong, the thread that took
//! that step (as printed in the report), and the smallest [`Fix`].
//!
//! | function | report file |
//! |---|---|
//! | `lost_update` | `lost_update.loom.txt` |
//! | `check_then_act` | `check_then_act.shuttle.txt` |
//! | `lock_order` | `lock_order.shuttle.txt` |
//! | `notify_one_at_shutdown` | `notify_one_at_shutdown.loom.txt` |
//! | `relaxed_publish` | `relaxed_publish.loom.txt` |
//!
//! The grader reads the same files, so a report regenerated with other
//! step numbers is graded against its new numbers.
//!
//! ## The Python 3.8 shape
//! ```python
//! from dataclasses import dataclass
//!
//! @dataclass(frozen=True)
//! class Diagnosis:
//!     step: int
//!     thread: str
//!     fix: str   # one of the Fix names, e.g. "ONE_ATOMIC_STEP"
//! ```
//!
//! Grade with `cargo drill check read_report`.

/// What to change so the failure cannot happen, at the smallest cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Make the read-modify-write one indivisible step (`fetch_add`, or one
    /// lock held across the read and the write).
    OneAtomicStep,
    /// Check and act under one hold of the lock.
    CheckAndActUnderOneLock,
    /// Take the locks in one global order (by account number, by address).
    OneLockOrder,
    /// Wake every waiter (`notify_all`) where all of them must see the news.
    NotifyAll,
    /// Publish with a `Release` store and read with an `Acquire` load.
    ReleaseAcquire,
    /// Make every atomic operation `SeqCst`.
    SeqCstEverywhere,
    /// Re-check the condition in a loop after every wake-up.
    WhileNotIf,
    /// Give the blocking call a timeout.
    AddATimeout,
}

/// Where a failing schedule went wrong, and the fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diagnosis {
    /// The step number in the report's table.
    pub step: usize,
    /// The thread that took that step, as the report names it.
    pub thread: &'static str,
    /// The smallest change that removes the failure.
    pub fix: Fix,
}

/// `lost_update.loom.txt`: two threads increment one counter.
pub fn lost_update() -> Diagnosis {
    todo!()
}

/// `check_then_act.shuttle.txt`: two threads insert a key if it is absent.
pub fn check_then_act() -> Diagnosis {
    todo!()
}

/// `lock_order.shuttle.txt`: two opposite transfers between two accounts.
pub fn lock_order() -> Diagnosis {
    todo!()
}

/// `notify_one_at_shutdown.loom.txt`: two idle workers, then shutdown.
pub fn notify_one_at_shutdown() -> Diagnosis {
    todo!()
}

/// `relaxed_publish.loom.txt`: a flag published over plain data.
pub fn relaxed_publish() -> Diagnosis {
    todo!()
}
