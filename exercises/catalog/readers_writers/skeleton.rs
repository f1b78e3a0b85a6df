//! # A readers-writer lock that does not starve writers
//!
//! Readers only look, so any number of them may be inside together; a
//! writer changes things, so it must be alone: no readers, no other writer.
//! The simple version lets a reader in whenever no writer is *inside*. Under
//! a steady stream of readers the count of readers never drops to zero and
//! a waiting writer never gets in: writer starvation.
//!
//! The fix is writer preference: count the writers that are waiting, and
//! once one is waiting, newly arriving readers queue behind it. The readers
//! already inside finish, the writer goes, then the queued readers.
//!
//! ## Your task
//! - many readers at once, or one writer alone, never both;
//! - once a writer is waiting (counted by `writers_waiting()`), a reader
//!   that arrives afterwards does not get in before that writer;
//! - no deadlock: every acquire gets through once the holders release.
//!
//! This is graded by trace validity: the suite counts who is inside and
//! records the order of entries, under every schedule the checkers try.
//!
//! ## The Python 3.8 shape
//! ```python
//! class ReadWriteLock:
//!     def __init__(self) -> None: ...
//!     def acquire_read(self) -> None: ...
//!     def release_read(self) -> None: ...
//!     def acquire_write(self) -> None: ...
//!     def release_write(self) -> None: ...
//!     def writers_waiting(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check readers_writers`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// Who holds or wants the lock (a suggestion: change it if you like).
struct State {
    /// Readers inside.
    readers: usize,
    /// Whether a writer is inside.
    writing: bool,
    /// Writers blocked in `acquire_write`.
    writers_waiting: usize,
}

/// Many readers or one writer, with waiting writers served first.
pub struct RwLock<B: Backend> {
    state: Mutex<B, State>,
    changed: Condvar<B>,
}

impl<B: Backend> RwLock<B> {
    /// An unlocked lock.
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State {
                readers: 0,
                writing: false,
                writers_waiting: 0,
            }),
            changed: Condvar::new(),
        }
    }

    /// Enters as a reader; queues behind a writer that is inside or waiting.
    pub fn acquire_read(&self) {
        todo!()
    }

    /// Leaves as a reader.
    pub fn release_read(&self) {
        todo!()
    }

    /// Enters as the only writer, once no reader or writer is inside.
    pub fn acquire_write(&self) {
        todo!("count yourself as waiting, wait, then stop waiting and enter")
    }

    /// Leaves as the writer.
    pub fn release_write(&self) {
        todo!()
    }

    /// How many writers are blocked in `acquire_write` right now.
    pub fn writers_waiting(&self) -> usize {
        todo!()
    }
}
// ANCHOR_END: skeleton
