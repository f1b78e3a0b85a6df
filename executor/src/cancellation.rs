//! Cooperative cancellation: a flag the pool raises when it wants running
//! tasks to stop (`shutdown_now`, or a `shutdown_timeout` past its
//! deadline), and that long tasks check between steps. Nothing can stop a
//! running thread safely from outside; a task that checks can stop itself.

use crate::pool::Pool;
use crate::sync::{Arc, AtomicBool, Backend, Ordering};
use core::fmt;

// ANCHOR: cancel_signal
/// The pool's cancellation flag, as a task sees it: clone it into the
/// task and check it between steps.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(1).build().unwrap();
/// let signal = pool.cancel_signal();
/// let (tx, rx) = std::sync::mpsc::channel();
/// let long = pool
///     .submit(move || {
///         tx.send(()).unwrap(); // started
///         let mut steps = 0_u64;
///         while !signal.is_cancelled() {
///             steps += 1; // one step of a long job
///             std::thread::yield_now();
///         }
///         steps
///     })
///     .unwrap();
/// rx.recv().unwrap();
/// let _ = pool.shutdown_now(); // raises the signal
/// assert!(long.join().is_ok()); // the task saw it and returned
/// ```
pub struct CancelSignal<B: Backend> {
    flag: Arc<B, AtomicBool<B>>,
}

impl<B: Backend> CancelSignal<B> {
    /// Whether the pool has asked its running tasks to stop. Once true, it
    /// stays true.
    pub fn is_cancelled(&self) -> bool {
        // Acquire, pairing with the Release in `raise`: a task that sees the
        // flag also sees everything the canceller did before raising it
        // (the pool closed, the queue emptied).
        self.flag.load(Ordering::Acquire)
    }
}
// ANCHOR_END: cancel_signal

impl<B: Backend> Clone for CancelSignal<B> {
    fn clone(&self) -> Self {
        Self {
            flag: self.flag.clone(),
        }
    }
}

impl<B: Backend> fmt::Debug for CancelSignal<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CancelSignal")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl<B: Backend> Pool<B> {
    /// The signal running tasks check to stop early; raised by
    /// [`shutdown_now`](Self::shutdown_now) and by a
    /// [`shutdown_timeout`](Self::shutdown_timeout) whose deadline passed.
    pub fn cancel_signal(&self) -> CancelSignal<B> {
        CancelSignal {
            flag: self.shared.cancelled.clone(),
        }
    }

    /// Raises the cancellation signal.
    pub(crate) fn cancel_running(&self) {
        // Release: see `is_cancelled`.
        self.shared.cancelled.store(true, Ordering::Release);
    }
}
