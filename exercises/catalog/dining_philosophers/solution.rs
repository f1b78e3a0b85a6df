//! # Dining philosophers: reference solution
//!
//! Each philosopher locks the lower-numbered of its two forks first, then
//! the higher. With one global order on the forks, a cycle of waits is
//! impossible: a thread waiting for fork `k` holds only forks numbered
//! below `k`, so following "who waits for whom" always climbs to higher
//! forks and can never come back round. In the usual picture, everyone
//! is left-first except the last philosopher, whose right fork (fork 0)
//! is the lower one.
//!
//! Holding both guards while `eat` runs is what keeps neighbours apart:
//! they share a fork, and a fork is a mutex. Both guards drop at the end
//! of `dine`, releasing the forks.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Table:
//!     def __init__(self, seats):
//!         self._forks = [threading.Lock() for _ in range(seats)]
//!
//!     def dine(self, philosopher, eat):
//!         left = philosopher
//!         right = (philosopher + 1) % len(self._forks)
//!         first, second = min(left, right), max(left, right)
//!         with self._forks[first]:
//!             with self._forks[second]:
//!                 eat()
//! ```

use exercises::prelude::*;

/// A round table: fork `i` lies between philosophers `i - 1` and `i`.
pub struct Table<B: Backend> {
    forks: Vec<Mutex<B, ()>>,
}

impl<B: Backend> Table<B> {
    /// A table for `seats` philosophers (and as many forks).
    pub fn new(seats: usize) -> Self {
        Self {
            forks: (0..seats).map(|_| Mutex::new(())).collect(),
        }
    }

    /// Philosopher `philosopher` takes both forks, runs `eat`, and puts
    /// them down.
    pub fn dine(&self, philosopher: usize, eat: impl FnOnce()) {
        let left = philosopher;
        let right = (philosopher + 1) % self.forks.len();
        let (first, second) = (left.min(right), left.max(right));
        let _first = self.forks[first].lock();
        let _second = self.forks[second].lock();
        eat();
    }
}
