//! Wrong: no generation. The last to arrive resets the count to zero and
//! the others wait "while the count is not zero". A fast thread leaves,
//! arrives in the next round and makes the count 1 before a slow waiter
//! of the previous round has woken up; the slow one sees 1, not 0, and
//! sleeps again. Now both wait in different rounds: deadlock.

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
        if *arrived == self.parties {
            *arrived = 0;
            drop(arrived);
            self.released.notify_all();
        } else {
            drop(self.released.wait_while(arrived, |a| *a != 0));
        }
    }
}
