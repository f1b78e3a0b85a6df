//! Wrong: a sleep instead of a condition variable. If the value is not
//! there yet, `wait` naps for a millisecond, "long enough for the
//! completer", and reads again. On an idle machine it usually is; nothing
//! makes it so, and a scheduler that runs the completer later breaks it.

use exercises::prelude::*;

pub struct Promise<B: Backend, T: Send> {
    slot: Mutex<B, Option<T>>,
    ready: Condvar<B>,
}

impl<B: Backend, T: Send + Clone> Promise<B, T> {
    pub fn new() -> Self {
        Self {
            slot: Mutex::new(None),
            ready: Condvar::new(),
        }
    }

    pub fn complete(&self, value: T) -> Result<(), T> {
        let mut slot = self.slot.lock();
        if slot.is_some() {
            return Err(value);
        }
        *slot = Some(value);
        Ok(())
    }

    pub fn wait(&self) -> T {
        if self.slot.lock().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        self.slot.lock().clone().expect("the completer had a whole millisecond")
    }
}
