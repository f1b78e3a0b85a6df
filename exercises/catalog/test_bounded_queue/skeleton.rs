//! # Write the test: the bounded blocking queue
//!
//! You are given the queue of the `bounded_queue` drill behind the trait
//! `Queue` (items are `u32`); you write the scenario that checks it. The
//! grader runs your scenario under shuttle and loom, which try its
//! interleavings and also wake a waiting thread spuriously now and then,
//! as real condition variables may:
//! - on the reference queue, where it must pass on every schedule;
//! - on four queues with one classic bug each, where it must fail on at
//!   least one schedule. The bugs are not named here: work out from the
//!   promises below what could go wrong.
//!
//! ## The promises to check
//! - `put` waits while the queue is full: it never holds more than its
//!   capacity;
//! - every item put comes out of `take` exactly once;
//! - `take` waits while the queue is empty and open: it returns `None` only
//!   once the queue is closed and drained;
//! - `close` wakes every thread blocked in `put` or `take`, however many;
//! - after `close`, what was already queued is still taken.
//!
//! ## Your task
//! Write `scenario`: build a queue with `Q::new(capacity)`, start the
//! threads you need with `spawn` (give each a name), and assert the
//! promises with messages that say which one broke. Keep it small: loom
//! tries every interleaving, so three threads and a few items is plenty.
//! No sleeping: a checker never lets time pass.
//!
//! ## The Python 3.8 shape
//! ```python
//! def scenario(make_queue) -> None:
//!     """make_queue(capacity) builds the queue under test;
//!     raise AssertionError if a promise breaks."""
//! ```
//!
//! Grade with `cargo drill check test_bounded_queue`.

use exercises::prelude::*;
use exercises::subjects::queue::Queue;

/// Checks the queue's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, Q: Queue<B>>() {
    todo!("build a queue with Q::new(..), start producers and consumers, assert the promises")
}
