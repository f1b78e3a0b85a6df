//! Wrong: `send` wakes the receiver first and stores the value after. The
//! woken task polls at once, finds nothing, registers its waker again and
//! goes back to sleep; the value then lands with nobody left to wake it.

use exercises::prelude::*;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// What the two halves share.
struct State<T> {
    value: Option<T>,
    waker: Option<Waker>,
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
        let waker = self.shared.lock().waker.take();
        if let Some(waker) = waker {
            waker.wake();
        }
        self.shared.lock().value = Some(value);
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
