//! What `submit` gives back: one enum, so no contender pays an extra box
//! for its handle, and the executor's and tokio's own handles are used as
//! they are. Pools without a handle get [`Oneshot`], the least a careful
//! user would write (one allocation, no wake-up unless someone waits):
//! a `crossbeam_channel::bounded(1)` per task measured at 680 bytes and
//! 3 allocations, which would flatter whoever is compared with it.

use executor::TaskHandle;
use executor::sync::Std;
use std::sync::{Arc, Condvar, Mutex};

/// A task's result, to join.
pub enum Handle {
    /// The executor's own handle.
    Executor(TaskHandle<Std, u64>),
    /// A minimal one-shot slot, for pools that have no handle.
    Oneshot(Arc<Oneshot>),
    /// tokio's join handle, with the runtime to block on it.
    Tokio(tokio::task::JoinHandle<u64>, tokio::runtime::Handle),
}

impl Handle {
    /// Waits for the task and returns its value. Panics if the task failed:
    /// benchmark tasks never do.
    pub fn join(self) -> u64 {
        match self {
            Handle::Executor(handle) => handle.join().expect("benchmark task failed"),
            Handle::Oneshot(slot) => slot.take(),
            Handle::Tokio(handle, runtime) => {
                runtime.block_on(handle).expect("benchmark task failed")
            }
        }
    }
}

/// A value set once by the task and taken once by the joiner.
#[derive(Default)]
pub struct Oneshot {
    state: Mutex<Slot>,
    ready: Condvar,
}

#[derive(Default)]
struct Slot {
    value: Option<u64>,
    waiting: bool,
}

impl Oneshot {
    /// Stores the value; wakes the joiner only if it is already waiting.
    fn set(&self, value: u64) {
        let mut slot = self.state.lock().expect("oneshot lock");
        slot.value = Some(value);
        let waiting = slot.waiting;
        drop(slot);
        if waiting {
            self.ready.notify_one();
        }
    }

    /// Waits for the value and takes it.
    fn take(&self) -> u64 {
        let mut slot = self.state.lock().expect("oneshot lock");
        loop {
            if let Some(value) = slot.value.take() {
                return value;
            }
            slot.waiting = true;
            slot = self.ready.wait(slot).expect("oneshot lock");
        }
    }
}

/// Wraps `task` so that it stores its value in a [`Oneshot`], and returns
/// the wrapped task with the [`Handle`] that joins it.
pub fn oneshot<F>(task: F) -> (impl FnOnce() + Send + 'static, Handle)
where
    F: FnOnce() -> u64 + Send + 'static,
{
    let slot = Arc::new(Oneshot::default());
    let setter = Arc::clone(&slot);
    (move || setter.set(task()), Handle::Oneshot(slot))
}
