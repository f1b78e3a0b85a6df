//! # Building H2O: reference solution
//!
//! The state is the molecule being built: how many hydrogens and oxygens
//! it has taken. A hydrogen waits while the molecule already has two
//! hydrogens, an oxygen while it already has one oxygen; then the atom
//! joins, is released, and if it was the third atom the molecule is
//! complete: the counts go back to zero and every waiter is woken to try
//! for the new molecule.
//!
//! Joining and releasing happen under one lock hold, so the releases of a
//! molecule are exactly the three calls admitted to it, and no atom of
//! the next molecule is admitted (let alone released) until the current
//! one is complete: the counts only reset at the third release. The slots
//! are freed per molecule, not per atom; freeing a slot as soon as its
//! atom is out would let a third hydrogen in early.
//!
//! `notify_all`: at a reset, hydrogens and oxygens may all be waiting,
//! and the new molecule has room for three of them.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class H2O:
//!     def __init__(self):
//!         self._cond = threading.Condition()
//!         self._h = 0
//!         self._o = 0
//!
//!     def _complete_if_full(self):
//!         if self._h + self._o == 3:
//!             self._h = self._o = 0
//!             self._cond.notify_all()
//!
//!     def hydrogen(self, release_hydrogen):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._h < 2)
//!             self._h += 1
//!             release_hydrogen()
//!             self._complete_if_full()
//!
//!     def oxygen(self, release_oxygen):
//!         with self._cond:
//!             self._cond.wait_for(lambda: self._o < 1)
//!             self._o += 1
//!             release_oxygen()
//!             self._complete_if_full()
//! ```

use exercises::prelude::*;

/// Groups hydrogen and oxygen calls into water molecules.
pub struct H2O<B: Backend> {
    /// The molecule being built: (hydrogens, oxygens) released into it.
    molecule: Mutex<B, (u8, u8)>,
    /// Signalled when a molecule is complete and a new one starts.
    next_molecule: Condvar<B>,
}

impl<B: Backend> H2O<B> {
    /// No molecule started yet.
    pub fn new() -> Self {
        Self {
            molecule: Mutex::new((0, 0)),
            next_molecule: Condvar::new(),
        }
    }

    /// Waits for room (`full` says there is none), joins, releases, and
    /// completes the molecule if this atom was its third.
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
            self.next_molecule.notify_all();
        }
    }

    /// Releases one hydrogen atom into a molecule with room for it.
    pub fn hydrogen(&self, release: impl FnOnce()) {
        self.join_molecule(|m| m.0 == 2, |m| m.0 += 1, release);
    }

    /// Releases one oxygen atom into a molecule with room for it.
    pub fn oxygen(&self, release: impl FnOnce()) {
        self.join_molecule(|m| m.1 == 1, |m| m.1 += 1, release);
    }
}
