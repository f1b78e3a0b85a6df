//! Grades `test_bounded_queue`: the learner's scenario must pass on the
//! drill's reference queue and fail on each of its four broken ones, with
//! spurious wake-ups injected as a real condition variable may.

use super::answer::scenario;
use exercises::prelude::*;
use exercises::subjects::queue::{
    DropsQueuedOnClose, IfNotWhile, NotifyOneOnClose, OneCondvar, Reference,
};

/// Guarantee: the test raises no false alarm on a correct queue.
fn passes_on_the_reference<B: Backend>() {
    scenario::<B, Reference<B>>();
}

/// The test must fail on a queue whose close leaves a waiter asleep.
fn on_notify_one_on_close<B: Backend>() {
    scenario::<B, NotifyOneOnClose<B>>();
}

/// The test must fail on a queue with one condition variable.
fn on_one_condvar<B: Backend>() {
    scenario::<B, OneCondvar<B>>();
}

/// The test must fail on a queue that waits with `if`.
fn on_if_not_while<B: Backend>() {
    scenario::<B, IfNotWhile<B>>();
}

/// The test must fail on a queue that drops its backlog at close.
fn on_drops_queued_on_close<B: Backend>() {
    scenario::<B, DropsQueuedOnClose<B>>();
}

exercises::suite! {
    exercise: "test_bounded_queue",
    checkers: ["shuttle", "loom"],
    spurious: true,
    scenarios: [passes_on_the_reference],
    catches: [
        on_notify_one_on_close: "close wakes one waiter of each kind with notify_one; a second blocked consumer sleeps forever",
        on_one_condvar: "one condition variable with notify_one for both kinds of waiter: a take wakes the other consumer instead of the producer (a stolen wake-up)",
        on_if_not_while: "the waits use if instead of while: a spurious wake-up makes take return None from an open queue, or put overfill",
        on_drops_queued_on_close: "take returns None as soon as the queue is closed, dropping items still queued",
    ],
}
