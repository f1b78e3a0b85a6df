//! # A readers-writer lock without writer starvation: reference solution
//!
//! All the state sits in one mutex with one condvar. A reader waits while a
//! writer is inside *or waiting*; a writer registers as waiting first, then
//! waits until nobody is inside, and swaps "waiting" for "writing" under
//! the same guard. So the moment a writer is counted, no new reader gets
//! in, the readers inside drain, and the writer goes next. Whoever leaves
//! uses `notify_all`, because readers and writers wait on the same condvar
//! for different conditions; `notify_one` could wake a reader that must go
//! back to sleep while the writer that could run stays asleep. A leaving
//! reader notifies only when it was the last one: before that, nothing a
//! waiter waits for has changed.
//!
//! The price is the mirror image: a steady stream of writers can starve
//! readers. A fair lock alternates (a ticket per arrival, or letting the
//! readers that were queued behind a writer in right after it).
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class ReadWriteLock:
//!     def __init__(self):
//!         self._cond = threading.Condition(threading.Lock())
//!         self._readers = 0
//!         self._writing = False
//!         self._writers_waiting = 0
//!
//!     def acquire_read(self):
//!         with self._cond:
//!             self._cond.wait_for(
//!                 lambda: not self._writing and self._writers_waiting == 0)
//!             self._readers += 1
//!
//!     def release_read(self):
//!         with self._cond:
//!             self._readers -= 1
//!             if self._readers == 0:
//!                 self._cond.notify_all()
//!
//!     def acquire_write(self):
//!         with self._cond:
//!             self._writers_waiting += 1
//!             self._cond.wait_for(
//!                 lambda: not self._writing and self._readers == 0)
//!             self._writers_waiting -= 1
//!             self._writing = True
//!
//!     def release_write(self):
//!         with self._cond:
//!             self._writing = False
//!             self._cond.notify_all()
//!
//!     def writers_waiting(self):
//!         with self._cond:
//!             return self._writers_waiting
//! ```

use exercises::prelude::*;

/// Who holds or wants the lock.
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
        let mut state = self
            .changed
            .wait_while(self.state.lock(), |s| s.writing || s.writers_waiting > 0);
        state.readers += 1;
    }

    /// Leaves as a reader.
    pub fn release_read(&self) {
        let mut state = self.state.lock();
        state.readers -= 1;
        if state.readers == 0 {
            self.changed.notify_all();
        }
    }

    /// Enters as the only writer, once no reader or writer is inside.
    pub fn acquire_write(&self) {
        let mut state = self.state.lock();
        state.writers_waiting += 1;
        state = self
            .changed
            .wait_while(state, |s| s.writing || s.readers > 0);
        state.writers_waiting -= 1;
        state.writing = true;
    }

    /// Leaves as the writer.
    pub fn release_write(&self) {
        self.state.lock().writing = false;
        self.changed.notify_all();
    }

    /// How many writers are blocked in `acquire_write` right now.
    pub fn writers_waiting(&self) -> usize {
        self.state.lock().writers_waiting
    }
}
