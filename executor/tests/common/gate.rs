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

/// A task that says it started, then waits at a new gate: returns the
/// gate, the receiver of the start, and the task to submit.
pub fn gated() -> (
    std::sync::Arc<Gate>,
    std::sync::mpsc::Receiver<()>,
    impl FnOnce() + Send + 'static,
) {
    let gate = std::sync::Arc::new(Gate::new());
    let (started, running) = std::sync::mpsc::channel();
    let g = gate.clone();
    let task = move || {
        started.send(()).unwrap();
        g.pass();
    };
    (gate, running, task)
}

/// Holds `pool`'s worker (a one-worker pool's only one) at a new gate: a
/// task that says it started, then waits to pass. Returns the gate and the
/// task's handle once the task is running.
pub fn hold(
    pool: &executor::Executor,
) -> (
    std::sync::Arc<Gate>,
    executor::TaskHandle<executor::sync::Std, ()>,
) {
    let (gate, running, task) = gated();
    let busy = pool.submit(task).unwrap();
    running.recv().unwrap();
    (gate, busy)
}
