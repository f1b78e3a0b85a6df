//! Wrong: reader preference. A reader waits only while a writer is
//! *inside*, not while one is waiting. As long as readers keep overlapping,
//! the reader count never reaches zero and a waiting writer never gets in:
//! a reader that arrived after the writer started waiting goes first.

use exercises::prelude::*;

struct State {
    readers: usize,
    writing: bool,
    writers_waiting: usize,
}

pub struct RwLock<B: Backend> {
    state: Mutex<B, State>,
    changed: Condvar<B>,
}

impl<B: Backend> RwLock<B> {
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

    pub fn acquire_read(&self) {
        let mut state = self.changed.wait_while(self.state.lock(), |s| s.writing);
        state.readers += 1;
    }

    pub fn release_read(&self) {
        let mut state = self.state.lock();
        state.readers -= 1;
        if state.readers == 0 {
            self.changed.notify_all();
        }
    }

    pub fn acquire_write(&self) {
        let mut state = self.state.lock();
        state.writers_waiting += 1;
        state = self
            .changed
            .wait_while(state, |s| s.writing || s.readers > 0);
        state.writers_waiting -= 1;
        state.writing = true;
    }

    pub fn release_write(&self) {
        self.state.lock().writing = false;
        self.changed.notify_all();
    }

    pub fn writers_waiting(&self) -> usize {
        self.state.lock().writers_waiting
    }
}
