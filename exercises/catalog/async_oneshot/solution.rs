//! # Async one-shot channel: reference solution
//!
//! The value and the waker live under one mutex. `poll` takes the value or
//! stores the waker without letting go of the lock, and `send` stores the
//! value and takes the waker under the same lock, so the two meet in one
//! of two orders only: the send first (the poll finds the value) or the
//! poll first (the send finds the waker, and wakes it). There is no third
//! order in which the send finds no waker and the poll finds no value.
//! The value is in place before the waker is taken, so the woken task's
//! next poll finds it. A poll from a task whose waker differs from the
//! stored one replaces it (`will_wake` saves a clone when it is the same),
//! so the task woken is the one waiting now. `send` wakes after unlocking:
//! a waker may run arbitrary code, which should not run under our lock.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class OneShot:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._has_value = False
//!         self._value = None
//!         self._wake = None             # the waiting task's waker
//!
//!     def send(self, value):
//!         with self._lock:
//!             self._value = value
//!             self._has_value = True
//!             wake, self._wake = self._wake, None
//!         if wake is not None:
//!             wake()                    # after publishing, outside the lock
//!
//!     def poll(self, wake):
//!         with self._lock:              # check and register in one step
//!             if self._has_value:
//!                 return True, self._value
//!             self._wake = wake         # the latest task replaces the old one
//!             return False, None
//! ```
//! (In asyncio the library does this for you: a thread hands a value to a
//! coroutine with `loop.call_soon_threadsafe(future.set_result, value)`.)

use exercises::prelude::*;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// What the two halves share.
struct State<T> {
    value: Option<T>,
    waker: Option<Waker>,
}

impl<T> State<T> {
    /// Stores the value and hands back the waker to wake, if any.
    fn publish(&mut self, value: T) -> Option<Waker> {
        self.value = Some(value);
        self.waker.take()
    }
}

/// The sending half: sends one value.
pub struct Sender<B: Backend, T: Send> {
    shared: Arc<B, Mutex<B, State<T>>>,
}

/// The receiving half: a future of the value.
pub struct Receiver<B: Backend, T: Send> {
    shared: Arc<B, Mutex<B, State<T>>>,
}

/// A new channel's two halves.
pub fn channel<B: Backend, T: Send>() -> (Sender<B, T>, Receiver<B, T>) {
    let shared = Arc::<B, _>::new(Mutex::new(State {
        value: None,
        waker: None,
    }));
    (
        Sender {
            shared: shared.clone(),
        },
        Receiver { shared },
    )
}

impl<B: Backend, T: Send> Sender<B, T> {
    /// Publishes `value`, then wakes the receiver's task if it is waiting.
    pub fn send(self, value: T) {
        // Publish and take the waker in one critical section; wake after it.
        let waker = self.shared.lock().publish(value);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<B: Backend, T: Send> Future for Receiver<B, T> {
    type Output = T;

    /// `Ready(value)` once sent; otherwise registers the waker, `Pending`.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut state = self.shared.lock();
        if let Some(value) = state.value.take() {
            return Poll::Ready(value);
        }
        match &state.waker {
            Some(stored) if stored.will_wake(cx.waker()) => {}
            _ => state.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}
