//! # One-time initialisation on a state atomic
//!
//! A value computed on first use, once, however many threads ask at the
//! same moment: `std::sync::OnceLock` in Rust, a module-level global
//! behind a lock in Python. One atomic `state` runs it: `UNINIT`, then
//! `RUNNING` while exactly one thread (the one whose compare-and-swap won)
//! computes the value, then `READY`. Everyone else waits for `READY` and
//! reads the value.
//!
//! Seeing `READY` must mean seeing the value: the thread that computed it
//! stores the value, then `READY` with `Release`; a thread that loads
//! `READY` with `Acquire` then sees the value, never the slot's old 0.
//!
//! ## Your task
//! Implement `Lazy`:
//! - `get_or_init(init)` returns the value, calling `init` if nobody has:
//!   exactly once across all threads; a thread that finds another one
//!   computing waits for it, calling `yield_now::<B>()` on every turn of
//!   its wait (loom requires it);
//! - `get` returns the value if it is ready, else `None`.
//!
//! Keep the value's own accesses `Relaxed`: the state's orderings must
//! publish it. Justify each `Ordering` in a comment. A too-weak ordering
//! passes on real threads and under shuttle; loom rejects it.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Lazy:
//!     def get_or_init(self, init: Callable[[], int]) -> int: ...
//!     def get(self) -> Optional[int]: ...
//! ```
//!
//! Grade with `cargo drill check lazy_init`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("ready? read it. Else win UNINIT -> RUNNING and compute it, or wait for READY")
    }

    /// The value, if it is ready.
    pub fn get(&self) -> Option<u64> {
        todo!("READY (with Acquire) means the value is there")
    }
}
// ANCHOR_END: skeleton
