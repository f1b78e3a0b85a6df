//! # Copy-on-write configuration snapshots
//!
//! Settings that are read on every request and changed once in a while
//! should not make every reader queue behind a lock for the whole read.
//! Copy-on-write: keep the current settings behind an `Arc`; a reader takes
//! a clone of that pointer (a brief lock, no copying) and then reads its own
//! snapshot for as long as it likes, with no lock at all. A writer never
//! touches the shared settings in place: it copies them, changes the copy,
//! and swaps the pointer. Readers see the old settings or the new ones,
//! never a mix.
//!
//! Two ways to get it wrong: read-copy-swap with the lock released between
//! the read and the swap (two writers start from the same version and one
//! update is lost), and changing a shared settings value field by field
//! (a reader in between sees half an update).
//!
//! ## Your task
//! - `snapshot()` returns the current settings as an `Arc`, cheaply; a
//!   snapshot never changes after it was taken;
//! - `update(change)` applies `change` to a copy and publishes it: no
//!   concurrent update is lost, and no reader ever sees a half-applied one;
//! - a snapshot taken after `update` returns shows that update.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable
//!
//! class Settings:                # treat an instance as immutable once published
//!     workers: int
//!     queue_capacity: int
//!
//! class Config:
//!     def __init__(self, initial: Settings) -> None: ...
//!     def snapshot(self) -> Settings: ...
//!     def update(self, change: Callable[[Settings], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check cow_config`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// The settings a service runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Worker threads.
    pub workers: u32,
    /// Queue slots.
    pub queue_capacity: u32,
}

/// The current settings, shared by readers and writers.
pub struct Config<B: Backend> {
    current: Mutex<B, Arc<B, Settings>>,
}

impl<B: Backend> Config<B> {
    /// A configuration holding `initial`.
    pub fn new(initial: Settings) -> Self {
        Self {
            current: Mutex::new(Arc::new(initial)),
        }
    }

    /// The current settings; they never change under the caller.
    pub fn snapshot(&self) -> Arc<B, Settings> {
        todo!("clone the pointer, not the settings")
    }

    /// Applies `change` to a copy of the settings and publishes the copy.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        todo!("copy, change, swap: without letting another writer in between")
    }
}
// ANCHOR_END: skeleton
