//! # A one-shot channel on two atomics
//!
//! One thread sends one value; another receives it. No lock: the value
//! sits in an atomic slot, and a `ready` flag says it is there. The sender
//! writes the value, then sets the flag; the receiver checks the flag,
//! then reads the value.
//!
//! That program order is not enough. With `Relaxed` on the flag, seeing
//! `ready == true` says nothing about the slot: the receiver may still
//! read the slot's old value (0), because nothing orders the sender's
//! value store before the receiver's value load. A `Release` store of the
//! flag, read by an `Acquire` load, does: the acquire synchronises with the
//! release, and every write before the store is visible after the load.
//!
//! ## Your task
//! Implement `OneShot`:
//! - `send` (called at most once) makes `value` available;
//! - `try_recv` returns `Some(value)` once it has been sent, else `None`;
//! - `recv` spins until the value is there, calling `yield_now::<B>()` on
//!   every turn (loom requires it), and returns it.
//!
//! Keep the slot's own accesses `Relaxed`: the flag's orderings must do
//! the publishing. Justify each `Ordering` in a comment. A too-weak
//! ordering passes on real threads and under shuttle; loom rejects it.
//!
//! ## The Python 3.8 shape
//! ```python
//! class OneShot:
//!     def send(self, value: int) -> None: ...
//!     def try_recv(self) -> Optional[int]: ...
//!     def recv(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check atomic_one_shot`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// A channel for one value, built on two atomics.
pub struct OneShot<B: Backend> {
    value: AtomicU64<B>,
    ready: AtomicBool<B>,
}

impl<B: Backend> OneShot<B> {
    /// An empty channel.
    pub fn new() -> Self {
        Self {
            value: AtomicU64::new(0),
            ready: AtomicBool::new(false),
        }
    }

    /// Sends `value`. Call it at most once.
    pub fn send(&self, value: u64) {
        todo!("write the value, then publish it with the flag")
    }

    /// The value, if it has been sent.
    pub fn try_recv(&self) -> Option<u64> {
        todo!("check the flag; if it is set, the value is there")
    }

    /// Waits (spinning) for the value and returns it.
    pub fn recv(&self) -> u64 {
        todo!("check the flag until it is set, yielding on every turn")
    }
}
// ANCHOR_END: skeleton
