//! Wrong: "at most two hydrogens and one oxygen at a time", with each
//! atom handing its slot back as soon as it is released, like a pair of
//! semaphores. That limits how many atoms are *inside* at once, not which
//! molecule they belong to: a hydrogen leaves, the next hydrogen takes its
//! slot, and three hydrogens are released in a row.

use exercises::prelude::*;

pub struct H2O<B: Backend> {
    inside: Mutex<B, (u8, u8)>,
    slot_freed: Condvar<B>,
}

impl<B: Backend> H2O<B> {
    pub fn new() -> Self {
        Self {
            inside: Mutex::new((0, 0)),
            slot_freed: Condvar::new(),
        }
    }

    pub fn hydrogen(&self, release: impl FnOnce()) {
        let mut inside = self.slot_freed.wait_while(self.inside.lock(), |i| i.0 == 2);
        inside.0 += 1;
        drop(inside);
        release();
        self.inside.lock().0 -= 1;
        self.slot_freed.notify_all();
    }

    pub fn oxygen(&self, release: impl FnOnce()) {
        let mut inside = self.slot_freed.wait_while(self.inside.lock(), |i| i.1 == 1);
        inside.1 += 1;
        drop(inside);
        release();
        self.inside.lock().1 -= 1;
        self.slot_freed.notify_all();
    }
}
