//! Wrong: `poll` looks for the value under one lock and stores the waker
//! under another. A `send` that runs between the two finds no waker and
//! wakes nobody; the waker stored just after belongs to a task that will
//! never be woken, and the future hangs (the lost waker).

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
        if let Some(value) = self.shared.lock().value.take() {
            return Poll::Ready(value);
        }
        // The value may arrive right here, with no waker to wake.
        self.shared.lock().waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
