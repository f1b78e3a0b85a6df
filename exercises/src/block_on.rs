//! A tiny executor for one future, built from the backend's own mutex and
//! condition variable, so that a future's wake-ups are as visible to loom
//! and shuttle as any other notify.
//!
//! `block_on` polls the future; on `Pending` it sleeps on a condition
//! variable until the future's `Waker` is woken, then polls again. A waker
//! that nobody wakes leaves the thread asleep for good: under the checkers
//! that is a deadlock they report, which is how a lost wake-up in an async
//! primitive shows.

use executor::sync::{Backend, Condvar, Mutex};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Wake, Waker};

/// The sleeping half of `block_on`: a "woken" flag and a condition variable.
struct Parker<B: Backend> {
    woken: Mutex<B, bool>,
    wakeup: Condvar<B>,
}

// The waker needs `std::sync::Arc` (that is what `Wake` is implemented
// for). Its count only decides when the parker is freed; every wake-up
// goes through the backend's mutex and condition variable below.
impl<B: Backend> Wake for Parker<B> {
    fn wake(self: std::sync::Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &std::sync::Arc<Self>) {
        // Set under the lock, so a `block_on` between its poll and its
        // sleep cannot miss it.
        *self.woken.lock() = true;
        self.wakeup.notify_one();
    }
}

/// Runs `future` to completion on the calling thread.
///
/// ```
/// use exercises::prelude::*;
/// assert_eq!(block_on::<Std, _>(async { 6 * 7 }), 42);
/// ```
pub fn block_on<B: Backend, F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let parker = std::sync::Arc::new(Parker::<B> {
        woken: Mutex::new(false),
        wakeup: Condvar::new(),
    });
    let waker = Waker::from(parker.clone());
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        let mut woken = parker
            .wakeup
            .wait_while(parker.woken.lock(), |woken| !*woken);
        *woken = false;
    }
}
