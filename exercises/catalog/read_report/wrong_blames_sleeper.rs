//! # Read a failure report: the sleeper blamed
//!
//! Blames notify_one_at_shutdown's hang on worker-1's wait, where it shows,
//! instead of main's single notify that left it asleep.

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
        step: 10,
        thread: "worker-1",
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
