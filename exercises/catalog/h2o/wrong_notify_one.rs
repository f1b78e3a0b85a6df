//! Wrong: `notify_one` when a molecule completes. Several atoms may be
//! waiting for the new molecule, which has room for three; one wake-up
//! lets in one atom, and the others sleep on although there is room,
//! until nobody is left to wake them.

use exercises::prelude::*;

pub struct H2O<B: Backend> {
    molecule: Mutex<B, (u8, u8)>,
    next_molecule: Condvar<B>,
}

impl<B: Backend> H2O<B> {
    pub fn new() -> Self {
        Self {
            molecule: Mutex::new((0, 0)),
            next_molecule: Condvar::new(),
        }
    }

    fn join_molecule(
        &self,
        full: impl Fn(&(u8, u8)) -> bool,
        add: impl FnOnce(&mut (u8, u8)),
        release: impl FnOnce(),
    ) {
        let mut molecule = self.next_molecule.wait_while(self.molecule.lock(), |m| full(m));
        add(&mut molecule);
        release();
        if molecule.0 + molecule.1 == 3 {
            *molecule = (0, 0);
            drop(molecule);
            self.next_molecule.notify_one();
        }
    }

    pub fn hydrogen(&self, release: impl FnOnce()) {
        self.join_molecule(|m| m.0 == 2, |m| m.0 += 1, release);
    }

    pub fn oxygen(&self, release: impl FnOnce()) {
        self.join_molecule(|m| m.1 == 1, |m| m.1 += 1, release);
    }
}
