//! # Dining philosophers
//!
//! `n` philosophers sit at a round table with one fork between each pair
//! of neighbours: philosopher `i` has fork `i` on the left and fork
//! `(i + 1) % n` on the right, and needs both to eat. A fork is a mutex.
//! If every philosopher picks up the left fork and then reaches for the
//! right, each may end up holding one fork and waiting for a neighbour's:
//! a cycle of waits, which is a deadlock. Of the four conditions a
//! deadlock needs (mutual exclusion, hold and wait, no preemption,
//! circular wait), the cheapest one to break here is the circle: give the
//! forks a global order and always take the lower-numbered one first.
//! Waiting a bit before reaching (a "polite" sleep) breaks nothing.
//!
//! ## Your task
//! Implement `Table` so that, with `n >= 2` philosophers each calling
//! `dine` from their own thread as often as they like:
//! - `eat` runs only while the philosopher holds both forks, so two
//!   neighbours never eat at the same time;
//! - every call returns after eating once (no deadlock, whatever the
//!   interleaving).
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class Table:
//!     def __init__(self, seats: int): ...
//!     def dine(self, philosopher: int, eat: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check dining_philosophers`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("take forks `philosopher` and `(philosopher + 1) % n` without risking a cycle")
    }
}
// ANCHOR_END: skeleton
