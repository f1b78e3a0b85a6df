//! # A reusable barrier
//!
//! A barrier for `n` threads: each calls `wait` at the end of a round, and
//! nobody returns until all `n` have arrived. Then they all go on to the
//! next round and meet at the same barrier again. The first version
//! everyone writes counts arrivals and resets the count when it reaches
//! `n`; the trouble is the second round. A fast thread can leave, start
//! the next round and arrive again before a slow one has even woken up
//! from the first, and a waiter that asks "is the count back to zero?"
//! sees the fast thread's new arrival instead. Number the rounds (a
//! generation counter): a waiter waits for *its* round to end, which is a
//! fact that stays true.
//!
//! ## Your task
//! Implement `Barrier` so that, for `n >= 1` threads calling `wait` once
//! per round, for as many rounds as they like:
//! - no call to `wait` in round `r` returns before all `n` threads have
//!   called `wait` in round `r`;
//! - once all `n` have, every one of them returns (no deadlock, in any
//!   round);
//! - waiting threads sleep on a `Condvar` and re-check after every
//!   wake-up (wake-ups may be spurious).
//!
//! ## The Python 3.8 shape
//! ```python
//! class Barrier:  # threading.Barrier exists; build it yourself here
//!     def __init__(self, parties: int): ...
//!     def wait(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check reusable_barrier`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Where a barrier is: arrivals in this round, and the round's number.
struct Round {
    arrived: usize,
    generation: u64,
}

/// A barrier for a fixed number of threads, reusable round after round.
pub struct Barrier<B: Backend> {
    parties: usize,
    round: Mutex<B, Round>,
    /// Signalled when a round ends.
    released: Condvar<B>,
}

impl<B: Backend> Barrier<B> {
    /// A barrier for `parties` threads.
    pub fn new(parties: usize) -> Self {
        Self {
            parties,
            round: Mutex::new(Round {
                arrived: 0,
                generation: 0,
            }),
            released: Condvar::new(),
        }
    }

    /// Blocks until all `parties` threads have called `wait` in this round.
    pub fn wait(&self) {
        todo!("the last to arrive ends the round; the others wait for the generation to change")
    }
}
// ANCHOR_END: skeleton
