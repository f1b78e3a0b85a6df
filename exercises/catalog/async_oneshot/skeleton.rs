//! # Async one-shot channel: a future woken by its sender
//!
//! A thread blocks in `Condvar::wait`; a future instead returns
//! `Poll::Pending` and hands over a `Waker`, and whoever makes progress
//! possible calls `wake()` so that the executor polls it again. The
//! condition variable's old trap comes back in a new shape: if the
//! receiver checks for the value and then, in a separate step, stores its
//! waker, a `send` landing in between finds no waker to wake, and the
//! future is never polled again (the *lost waker*). Checking and
//! registering must be one step, under the same lock the sender uses.
//!
//! ## Your task
//! Implement the channel so that:
//! - `send(value)` publishes the value and then wakes the waker the
//!   receiver left, if any (never wake before the value is there: the
//!   woken task would find nothing and go back to sleep for good);
//! - polling the `Receiver` returns `Poll::Ready(value)` once it is sent;
//!   otherwise it stores `cx.waker()` and returns `Poll::Pending`, with no
//!   gap between looking at the value and storing the waker;
//! - a receiver polled again by another task (the future moved) stores the
//!   new waker in place of the old one: `send` must wake the task that is
//!   waiting now (`Waker::will_wake` tells you when the two are the same).
//!
//! The suite drives the receiver with `block_on::<B, _>(future)` from the
//! prelude, a tiny executor that sleeps on the backend's condition
//! variable until the waker is woken, so under loom and shuttle a waker
//! nobody wakes is a deadlock they report. It sends from one thread while
//! another polls, polls once with a throw-away waker before handing the
//! future to `block_on`, and plays ping-pong over two channels.
//!
//! ## The Python 3.8 shape
//! ```python
//! class OneShot:
//!     def send(self, value) -> None: ...          # from any thread
//!     def poll(self, wake) -> (bool, object): ... # (True, value) or (False, None)
//! ```
//!
//! Grade with `cargo drill check async_oneshot`.

use exercises::prelude::*;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

// ANCHOR: skeleton
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
        todo!("store the value and take the waker under the lock; wake it after")
    }
}

impl<B: Backend, T: Send> Future for Receiver<B, T> {
    type Output = T;

    /// `Ready(value)` once sent; otherwise registers the waker, `Pending`.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        todo!("under one lock: take the value, or store cx.waker() and return Pending")
    }
}
// ANCHOR_END: skeleton
