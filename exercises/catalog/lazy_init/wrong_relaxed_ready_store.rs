//! Wrong: the initialiser stores `READY` with `Relaxed`, one step weaker
//! than `Release`. A thread whose `Acquire` load reads `READY` has no
//! release to synchronise with, and can read the value slot's old 0. Only
//! loom explores that weak-memory outcome.

use exercises::prelude::*;

/// Nobody has started computing the value.
const UNINIT: usize = 0;
/// One thread is computing it.
const RUNNING: usize = 1;
/// The value is stored and may be read.
const READY: usize = 2;

/// A value computed once, on first use.
pub struct Lazy<B: Backend> {
    state: AtomicUsize<B>,
    value: AtomicU64<B>,
}

impl<B: Backend> Lazy<B> {
    /// Not yet computed.
    pub fn new() -> Self {
        Self {
            state: AtomicUsize::new(UNINIT),
            value: AtomicU64::new(0),
        }
    }

    /// The value, computed by `init` if nobody has computed it yet.
    pub fn get_or_init(&self, init: impl FnOnce() -> u64) -> u64 {
        if let Some(value) = self.get() {
            return value;
        }
        // Relaxed, both: this only elects the initialiser. The winner has
        // nothing to acquire (the value is unwritten) and publishes with
        // the Release store of READY below; a loser reads through `get`.
        if self
            .state
            .compare_exchange(UNINIT, RUNNING, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            let value = init();
            // Relaxed: the Release store of READY below publishes it.
            self.value.store(value, Ordering::Relaxed);
            // Relaxed: the bug. READY is published, the value is not.
            self.state.store(READY, Ordering::Relaxed);
            return value;
        }
        loop {
            if let Some(value) = self.get() {
                return value;
            }
            yield_now::<B>(); // another thread is computing: let it run
        }
    }

    /// The value, if it is ready.
    pub fn get(&self) -> Option<u64> {
        // Acquire: pairs with the Release store of READY, so reading READY
        // makes the value store visible. Relaxed could see READY and then
        // the slot's old 0.
        if self.state.load(Ordering::Acquire) == READY {
            // Relaxed: ordered after the value store by the Acquire above.
            Some(self.value.load(Ordering::Relaxed))
        } else {
            None
        }
    }
}
