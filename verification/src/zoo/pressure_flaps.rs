//! **A backpressure flag that flaps.** A queue raises an "overloaded" flag
//! for its callers from its depth, with one threshold: on at or above it,
//! off below it. Each push and pop recomputes the flag and tells the
//! subscriber (a load balancer, an autoscaler) about every change.
//!
//! The interleaving: a producer pushes two items while a consumer pops
//! two. If the pops land between the pushes (push, pop, push, pop), the
//! depth goes 1, 0, 1, 0 and crosses the threshold four times: on, off,
//! on, off. Two items of work have told the subscriber four times that the
//! system changed state; under real load, that is a load balancer taking
//! a node in and out of rotation on every request. Whether it happens
//! depends only on the order of the steps, so every checker finds it; a
//! schedule that runs both pushes first shows the calm on-then-off.
//!
//! The fix: hysteresis. Turn on at a high mark and off only at a lower
//! one; a depth moving inside the band between them never changes the
//! flag. The executor's version is `pressure::depth_level`.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Condvar, Mutex, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "pressure_flaps",
    summary: "an overload flag with one threshold flips on and off as the depth wobbles",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: any schedule that alternates pushes and pops flaps",
    spurious: false,
};

// ANCHOR: setup
/// The queue's depth, its flag, and the flag's changes as the subscriber
/// received them.
#[derive(Default)]
struct Queue {
    depth: usize,
    overloaded: bool,
    changes: Vec<bool>,
}

/// The next flag, from the current one and the new depth.
type Rule = fn(overloaded: bool, depth: usize) -> bool;

impl Queue {
    /// Changes the depth by `delta` and recomputes the flag with `rule`.
    fn step(&mut self, delta: isize, rule: Rule) {
        self.depth = self.depth.wrapping_add_signed(delta);
        let next = rule(self.overloaded, self.depth);
        if next != self.overloaded {
            self.overloaded = next;
            self.changes.push(next);
        }
    }
}

/// A producer pushes two items while the caller pops two (each pop waits
/// for an item). Two items of load may raise the flag once and lower it
/// once, no more.
fn run<B: Backend>(rule: Rule) {
    let shared = Arc::<B, _>::new((
        Mutex::<B, Queue>::new(Queue::default()),
        Condvar::<B>::new(),
    ));
    let s = shared.clone();
    let producer = thread::spawn::<B, _, _>("producer".into(), move || {
        for _ in 0..2 {
            s.0.lock().step(1, rule);
            s.1.notify_one();
        }
    })
    .unwrap();
    let (queue, not_empty) = &*shared;
    for _ in 0..2 {
        let mut q = not_empty.wait_while(queue.lock(), |q| q.depth == 0);
        q.step(-1, rule);
    }
    producer.join().unwrap();
    let changes = queue.lock().changes.clone();
    assert!(
        changes.len() <= 2,
        "the flag flapped: it changed {} times for two items ({changes:?})",
        changes.len()
    );
}
// ANCHOR_END: setup

// ANCHOR: broken
/// One threshold: on at depth 1, off below it.
pub fn broken<B: Backend>() {
    run::<B>(|_, depth| depth >= 1);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Hysteresis: on at depth 2, off only at 0; depth 1 is the band, where
/// the flag keeps whatever it was.
pub fn fixed<B: Backend>() {
    run::<B>(|overloaded, depth| match depth {
        0 => false,
        1 => overloaded,
        _ => true,
    });
}
// ANCHOR_END: fixed
