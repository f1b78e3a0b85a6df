//! Wrong: writer preference by sleeping. A reader that sees a waiting
//! writer steps back for 1 ms "so the writer goes first", then enters as
//! soon as no writer is inside. On real threads the writer nearly always
//! wins that race; nothing guarantees it, and under the checkers (where a
//! sleep lets no other thread run) the reader walks in ahead of the writer.

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
        if self.state.lock().writers_waiting > 0 {
            // "Give the writer a head start."
            std::thread::sleep(Duration::from_millis(1));
        }
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
