//! # Peterson's lock: why "store mine, then load yours" needs more than
//! Acquire and Release
//!
//! Two threads, numbered 0 and 1, share a lock built from plain atomics,
//! no compare-and-swap loop on a lock word: each raises its own flag
//! ("I want in"), names itself the one to wait (`turn`), then waits while
//! the other's flag is up and it is still the one to wait. If both arrive
//! together, the later `turn` decides: the thread that named itself last
//! waits.
//!
//! On paper this is mutual exclusion with nothing but loads and stores.
//! On a real machine it is the *store buffering* pattern: a thread stores
//! its flag, then loads the other's; `Release` and `Acquire` order a store
//! before *later* stores and a load before *later* loads, but nothing
//! orders a store before a later load, so each thread can read the other's
//! flag as still down and both walk in. x86 does exactly this.
//!
//! ## Your task
//! - `lock(me)` (`me` is 0 or 1) returns once thread `me` may enter: at
//!   most one thread is between `lock` and `unlock` at any moment;
//! - `unlock(me)` lets the other thread in, and everything written inside
//!   the critical section is visible to the next thread that enters;
//! - a thread alone takes the lock without waiting.
//!
//! The suite counts the threads inside and increments a counter kept
//! beside the lock with `Relaxed` loads and stores, so your orderings are
//! the only thing that can keep the two threads apart and carry the count
//! from one to the next. loom explores the weak-memory outcomes: a load
//! that reads a flag "still down" shows in the step table as
//! `load(Acquire) -> false`.
//!
//! Spin with `yield_now::<B>()` inside the wait loop (loom needs the
//! hint). The textbook answer makes all four accesses `SeqCst`; this track
//! wants an ordering loom models exactly, which `SeqCst` loads and stores
//! are not (loom treats them as `AcqRel`): find the one read-modify-write
//! that puts the two threads' `turn` updates in a single order and
//! synchronises them.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Peterson:
//!     def lock(self, me: int) -> None: ...
//!     def unlock(self, me: int) -> None: ...
//! ```
//!
//! Grade with `cargo drill check peterson_lock`.

use exercises::prelude::*;

/// A two-thread lock from two flags and a turn.
pub struct Peterson<B: Backend> {
    /// `interested[i]`: thread `i` wants the lock or holds it.
    interested: [AtomicBool<B>; 2],
    /// The thread that named itself last, and so waits if both want in.
    turn: AtomicUsize<B>,
}

impl<B: Backend> Peterson<B> {
    /// A free lock.
    pub fn new() -> Self {
        Self {
            interested: [AtomicBool::new(false), AtomicBool::new(false)],
            turn: AtomicUsize::new(0),
        }
    }

    /// Waits until thread `me` (0 or 1) may enter.
    pub fn lock(&self, me: usize) {
        todo!()
    }

    /// Leaves: the other thread may enter.
    pub fn unlock(&self, me: usize) {
        todo!()
    }
}
