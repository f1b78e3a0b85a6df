//! # Print in order: reference solution
//!
//! The shared state is one number, the stage: how many actions have
//! finished. Call k (0-based) waits, under the lock, until the stage is k;
//! runs its action; then sets the stage to k + 1 and wakes every waiter.
//! `wait_while` re-checks the stage after each wake-up, so a spurious
//! wake-up or a wake-up meant for the other waiter just puts the thread
//! back to sleep. The stage is written while the lock is held, and a
//! waiter checks it while holding the same lock, so the update cannot slip
//! in between a waiter's check and its `wait` (the missed wake-up).
//!
//! `notify_all`, not `notify_one`: `second` and `third` may both be asleep
//! on the one condition variable, and `notify_one` might wake `third`,
//! which goes back to sleep, leaving `second` asleep for ever.
//!
//! The action runs outside the lock: nobody else can act before the stage
//! moves on anyway, and user code under a lock is a deadlock waiting to
//! happen.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class InOrder:
//!     def __init__(self):
//!         self._cond = threading.Condition()
//!         self._stage = 0
//!
//!     def _run_at(self, stage, action):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._stage == stage)
//!         action()
//!         with self._cond:
//!             self._stage = stage + 1
//!             self._cond.notify_all()
//!
//!     def first(self, action):
//!         self._run_at(0, action)
//!
//!     def second(self, action):
//!         self._run_at(1, action)
//!
//!     def third(self, action):
//!         self._run_at(2, action)
//! ```

use exercises::prelude::*;

/// Runs three actions, handed in from three threads, in a fixed order.
pub struct InOrder<B: Backend> {
    /// How many actions have finished: 0, 1, 2 or 3.
    stage: Mutex<B, u8>,
    /// Signalled whenever `stage` moves on.
    advanced: Condvar<B>,
}

impl<B: Backend> InOrder<B> {
    /// Nothing has run yet.
    pub fn new() -> Self {
        Self {
            stage: Mutex::new(0),
            advanced: Condvar::new(),
        }
    }

    /// Waits until `stage` actions have finished, runs `action`, and lets
    /// the next one go.
    fn run_at(&self, stage: u8, action: impl FnOnce()) {
        drop(self.advanced.wait_while(self.stage.lock(), |now| *now != stage));
        action();
        *self.stage.lock() = stage + 1;
        self.advanced.notify_all();
    }

    /// Runs `action` as the first of the three.
    pub fn first(&self, action: impl FnOnce()) {
        self.run_at(0, action);
    }

    /// Runs `action` once `first`'s action has finished.
    pub fn second(&self, action: impl FnOnce()) {
        self.run_at(1, action);
    }

    /// Runs `action` once `second`'s action has finished.
    pub fn third(&self, action: impl FnOnce()) {
        self.run_at(2, action);
    }
}
