//! Wrong: no forks, just an "eating" flag per philosopher. A philosopher
//! waits until neither neighbour's flag is set, then sets its own and
//! eats. Checking the neighbours and setting the flag are separate steps:
//! two neighbours can both see the other not eating, and both eat.

use exercises::prelude::*;

pub struct Table<B: Backend> {
    eating: Vec<AtomicBool<B>>,
}

impl<B: Backend> Table<B> {
    pub fn new(seats: usize) -> Self {
        Self {
            eating: (0..seats).map(|_| AtomicBool::new(false)).collect(),
        }
    }

    pub fn dine(&self, philosopher: usize, eat: impl FnOnce()) {
        let n = self.eating.len();
        let left = (philosopher + n - 1) % n;
        let right = (philosopher + 1) % n;
        while self.eating[left].load(Ordering::SeqCst) || self.eating[right].load(Ordering::SeqCst) {
            yield_now::<B>();
        }
        self.eating[philosopher].store(true, Ordering::SeqCst);
        eat();
        self.eating[philosopher].store(false, Ordering::SeqCst);
    }
}
