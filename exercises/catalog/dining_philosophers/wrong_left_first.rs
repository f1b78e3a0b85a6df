//! Wrong: every philosopher takes the left fork, then the right. If all of
//! them pick up their left fork before anyone reaches for a right one,
//! each holds a fork its neighbour is waiting for: a cycle of waits, and
//! nobody ever eats. Rare on real threads, certain for a checker.

use exercises::prelude::*;

pub struct Table<B: Backend> {
    forks: Vec<Mutex<B, ()>>,
}

impl<B: Backend> Table<B> {
    pub fn new(seats: usize) -> Self {
        Self {
            forks: (0..seats).map(|_| Mutex::new(())).collect(),
        }
    }

    pub fn dine(&self, philosopher: usize, eat: impl FnOnce()) {
        let _left = self.forks[philosopher].lock();
        let _right = self.forks[(philosopher + 1) % self.forks.len()].lock();
        eat();
    }
}
