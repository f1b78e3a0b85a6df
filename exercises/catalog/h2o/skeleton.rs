//! # Building H2O
//!
//! Hydrogen and oxygen atoms arrive as calls from any number of threads,
//! in any order. Each call must wait until its atom can join a water
//! molecule, then `release` it. The releases, read in order, must come in
//! groups of three that are each one molecule: two hydrogens and one
//! oxygen, in any order within the group. A third hydrogen that arrives
//! while a molecule is being formed has to wait for the next molecule,
//! even though a hydrogen "slot" has just been used and freed. The state
//! to keep is the current molecule: how many of each atom it has taken.
//!
//! ## Your task
//! Implement `H2O` so that, whatever the interleaving of the calls:
//! - among the releases, positions 1-3, 4-6, 7-9, ... each hold exactly
//!   two hydrogens and one oxygen;
//! - every call returns once its atom is released, provided the atoms
//!   offered make whole molecules (twice as many H as O);
//! - a call that must wait sleeps on a `Condvar`.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class H2O:
//!     def __init__(self): ...
//!     def hydrogen(self, release_hydrogen: Callable[[], None]) -> None: ...
//!     def oxygen(self, release_oxygen: Callable[[], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check h2o`.

use exercises::prelude::*;

// ANCHOR: skeleton
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

    /// Releases one hydrogen atom into a molecule with room for it.
    pub fn hydrogen(&self, release: impl FnOnce()) {
        todo!("wait while the molecule has its two hydrogens")
    }

    /// Releases one oxygen atom into a molecule with room for it.
    pub fn oxygen(&self, release: impl FnOnce()) {
        todo!("wait while the molecule has its oxygen")
    }
}
// ANCHOR_END: skeleton
