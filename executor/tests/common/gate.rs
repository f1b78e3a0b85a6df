//! The gate test tasks wait at until the test lets them through.

use std::sync::{Condvar, Mutex};

/// Where tasks wait until the test lets them through.
#[derive(Default)]
pub struct Gate {
    open: Mutex<bool>,
    changed: Condvar,
}

impl Gate {
    /// A shut gate.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens (`true`) or shuts (`false`) the gate.
    pub fn set(&self, open: bool) {
        *self.open.lock().unwrap() = open;
        self.changed.notify_all();
    }

    /// Opens the gate.
    pub fn open(&self) {
        self.set(true);
    }

    /// Waits until the gate is open.
    pub fn pass(&self) {
        let open = self.open.lock().unwrap();
        drop(self.changed.wait_while(open, |open| !*open).unwrap());
    }
}
