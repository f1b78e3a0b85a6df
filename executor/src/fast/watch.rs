//! Subscribing to a fast pool's pressure transitions. A fast pool moves
//! its levels only when someone looks, so a subscribed pool starts one
//! more thread, `fast-pressure`, that looks every period and delivers
//! what the looks found (its own, and any caller's
//! [`FastPool::pressure`](crate::FastPool::pressure)), once each, in the
//! order the looks found them, outside every lock. It alone delivers, so
//! order and once-only need no more than the outbox's lock.
//!
//! It leaves after the shutdown has joined the workers, with a last look
//! at the drained pool, so a subscriber hears the return to Normal. Under
//! the model checkers its clock stands still: it looks when it starts and
//! when it is told to leave, and the callers' looks in between.

use super::Core;
use crate::hooks::quietly;
use crate::parking::Parking;
use crate::pressure::PressureEvent;
use crate::sync::{Arc, AtomicBool, Backend, Ordering};
use core::time::Duration;

/// A subscriber of pressure transitions.
pub(crate) type Subscriber = dyn Fn(&PressureEvent) + Send + Sync;

/// The watcher's settings and its stop signal.
pub(crate) struct Watch<B: Backend> {
    every: Duration,
    subscriber: Arc<B, Box<Subscriber>>,
    stop: AtomicBool<B>,
    parking: Parking<B>,
}

impl<B: Backend> Watch<B> {
    pub(crate) fn new(every: Duration, subscriber: Arc<B, Box<Subscriber>>) -> Self {
        Self {
            every,
            subscriber,
            stop: AtomicBool::new(false),
            parking: Parking::new(),
        }
    }

    /// Tells the watcher to take its last look and leave.
    pub(crate) fn stop(&self) {
        // Release: the workers' last counts, joined before this, are
        // visible to the watcher's last look, which loads with Acquire.
        self.stop.store(true, Ordering::Release);
        self.parking.wake_all();
    }

    fn stopping(&self) -> bool {
        // Acquire: pairs with `stop`.
        self.stop.load(Ordering::Acquire)
    }
}

// ANCHOR: fast_watch
/// The watcher's loop: look, deliver what the looks found, sleep a
/// period or until told to stop; after the stop, one last look.
pub(crate) fn watch<B: Backend>(core: &Core<B>) {
    let (Some(w), Some(looks)) = (&core.watch, &core.looks) else {
        return;
    };
    loop {
        let stopping = w.stopping();
        core.look(looks);
        for event in looks.take_events() {
            // A subscriber's panic must not end the watcher.
            quietly(|| (w.subscriber)(&event));
        }
        if stopping {
            return;
        }
        w.parking.wait_until_for(|| w.stopping(), w.every);
    }
}
// ANCHOR_END: fast_watch
