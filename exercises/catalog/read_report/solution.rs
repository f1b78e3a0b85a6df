//! # Read a failure report: reference solution
//!
//! In each report, find the step after which the failure was certain, and
//! who took it:
//!
//! - **lost_update (loom)**: main loads 0 and stores 1 (steps 2-3); then
//!   the incrementer's load (step 4) returns 0, a value already
//!   overwritten, and its store writes 1 again. The stale load is where it
//!   goes wrong. `SeqCst` would not save it: shuttle's report shows the
//!   same loss with both loads before both stores. The fix is one
//!   indivisible step, `fetch_add`.
//! - **check_then_act (shuttle)**: main checks under the lock (step 2) and
//!   lets it go; the inserter checks (step 3) before main inserts (step 4),
//!   so both see "absent". Step 3, the inserter's check in the gap, is the
//!   point of no return. Check and insert under one hold of the lock.
//! - **lock_order (shuttle)**: main holds account 0 (step 2); the other
//!   thread takes account 1 (step 3). From there each waits for the
//!   other's lock: a cycle. Take the locks in one order.
//! - **notify_one_at_shutdown (loom)**: both workers sleep (steps 8 and
//!   10); at shutdown main wakes one (step 12). worker-0 wakes and exits,
//!   worker-1 sleeps for ever and the join hangs. The notify_one is the
//!   mistake, not worker-1's wait: wake them all.
//! - **relaxed_publish (loom)**: main's `Relaxed` load (step 3) sees the
//!   flag but does not synchronise with the publisher, so reading the data
//!   after it is a race. The publisher's `Relaxed` store (step 2) is the
//!   other half of the mistake, and the grader accepts either; the fix is
//!   the pair, `Release` on the store and `Acquire` on the load.
//!
//! ## In Python 3.8
//! The same five bugs read the same way in a Python stack dump or log; the
//! fixes map one to one:
//! ```python
//! with lock:                 # OneAtomicStep: counter += 1 under a lock
//!     counter += 1
//! with lock:                 # CheckAndActUnderOneLock
//!     if key not in table:
//!         table[key] = value
//! first, second = sorted([a, b], key=id)   # OneLockOrder
//! with cond:                 # NotifyAll at shutdown
//!     shutting_down = True
//!     cond.notify_all()
//! # ReleaseAcquire has no Python spelling: the GIL orders every access, so
//! # an Event (set/wait) is the way to publish data to another thread.
//! ```

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
    Diagnosis {
        step: 4,
        thread: "incrementer",
        fix: Fix::OneAtomicStep,
    }
}

/// `check_then_act.shuttle.txt`: two threads insert a key if it is absent.
pub fn check_then_act() -> Diagnosis {
    Diagnosis {
        step: 3,
        thread: "inserter",
        fix: Fix::CheckAndActUnderOneLock,
    }
}

/// `lock_order.shuttle.txt`: two opposite transfers between two accounts.
pub fn lock_order() -> Diagnosis {
    Diagnosis {
        step: 3,
        thread: "transfer-b-to-a",
        fix: Fix::OneLockOrder,
    }
}

/// `notify_one_at_shutdown.loom.txt`: two idle workers, then shutdown.
pub fn notify_one_at_shutdown() -> Diagnosis {
    Diagnosis {
        step: 12,
        thread: "main",
        fix: Fix::NotifyAll,
    }
}

/// `relaxed_publish.loom.txt`: a flag published over plain data.
pub fn relaxed_publish() -> Diagnosis {
    Diagnosis {
        step: 3,
        thread: "main",
        fix: Fix::ReleaseAcquire,
    }
}
