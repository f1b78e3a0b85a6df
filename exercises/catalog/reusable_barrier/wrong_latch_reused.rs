//! Wrong: a one-shot latch used as a barrier. The count of arrivals is
//! never reset, so after the first round "everybody has arrived" stays
//! true for good: in the second round a thread walks straight through
//! without waiting for the others.

use exercises::prelude::*;

pub struct Barrier<B: Backend> {
    parties: usize,
    arrived: Mutex<B, usize>,
    released: Condvar<B>,
}

impl<B: Backend> Barrier<B> {
    pub fn new(parties: usize) -> Self {
        Self {
            parties,
            arrived: Mutex::new(0),
            released: Condvar::new(),
        }
    }

    pub fn wait(&self) {
        let mut arrived = self.arrived.lock();
        *arrived += 1;
        if *arrived >= self.parties {
            drop(arrived);
            self.released.notify_all();
        } else {
            drop(self.released.wait_while(arrived, |a| *a < self.parties));
        }
    }
}
