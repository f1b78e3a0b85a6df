//! # One-time initialisation: reference solution
//!
//! The compare-and-swap `UNINIT -> RUNNING` elects one thread to call
//! `init`; it stores the value, then stores `READY` with `Release`. Every
//! read of the value goes through `get`, whose `Acquire` load of the state
//! synchronises with that store when it reads `READY`, so the value store
//! happens before the value load. With `Relaxed` on either side, a thread
//! can see `READY` and read the slot's old 0 (loom's step table: the
//! state's load returns 2, `READY`, and the value's `load(Relaxed) -> 0`).
//! The election itself needs no ordering: the
//! winner has nothing to acquire (nobody wrote the value before it) and
//! publishes only later, with `READY`.
//!
//! ## In Python 3.8
//! The GIL makes each access sequentially consistent, so `READY` can never
//! be seen before the value; but "exactly once" still needs a lock, since
//! two threads can both find the value missing:
//! ```python
//! import threading
//!
//! class Lazy:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._ready = False
//!         self._value = None
//!
//!     def get_or_init(self, init):
//!         if self._ready:              # fast path: no lock once set
//!             return self._value
//!         with self._lock:             # one initialiser; the others wait
//!             if not self._ready:
//!                 self._value = init()
//!                 self._ready = True
//!         return self._value
//!
//!     def get(self):
//!         return self._value if self._ready else None
//! ```

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
            // Release: pairs with the Acquire load in `get`: a thread that
            // sees READY sees the value stored above.
            self.state.store(READY, Ordering::Release);
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
