//! # A reusable barrier: reference solution
//!
//! The state is the number of arrivals in the current round and the
//! round's number, the generation. An arriving thread notes the
//! generation it arrived in. If it is the `n`-th, it ends the round:
//! arrivals back to zero, generation plus one, wake everyone. Otherwise it
//! waits while the generation is still the one it arrived in.
//!
//! "My generation has passed" never becomes false again, unlike "the
//! count is zero" (the next round's first arrival makes it false). So a
//! slow waiter that wakes after a fast one has already arrived in the
//! next round still leaves, and a spurious wake-up in the middle of a
//! round sends it straight back to sleep: `wait_while` re-checks.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Barrier:
//!     def __init__(self, parties):
//!         self._parties = parties
//!         self._arrived = 0
//!         self._generation = 0
//!         self._cond = threading.Condition()
//!
//!     def wait(self):
//!         with self._cond:
//!             mine = self._generation
//!             self._arrived += 1
//!             if self._arrived == self._parties:
//!                 self._arrived = 0
//!                 self._generation += 1
//!                 self._cond.notify_all()
//!             else:
//!                 self._cond.wait_for(lambda: self._generation != mine)
//! ```

use exercises::prelude::*;

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
        let mut round = self.round.lock();
        let mine = round.generation;
        round.arrived += 1;
        if round.arrived == self.parties {
            round.arrived = 0;
            round.generation += 1;
            drop(round);
            self.released.notify_all();
        } else {
            drop(self.released.wait_while(round, |r| r.generation == mine));
        }
    }
}
