//! **Lost update.** `counter += 1` is three steps: read, add, write. Two
//! threads that both read 0 both write 1, and one increment is lost.
//!
//! The interleaving: A loads 0, B loads 0, A stores 1, B stores 1. Final 1,
//! expected 2. It needs one preemption between A's load and its store, so
//! every checker finds it at once; real threads find it rarely, because the
//! window is a few nanoseconds wide.
//!
//! The fix: one atomic read-modify-write (`fetch_add`), or a lock around
//! all three steps.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicUsize, Backend, Ordering, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "lost_update",
    summary: "an increment split into a load and a store loses updates",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads hit the nanosecond window only by luck",
    spurious: false,
};

// ANCHOR: setup
fn run<B: Backend>(increment: fn(&AtomicUsize<B>)) {
    let counter = Arc::<B, _>::new(AtomicUsize::<B>::new(0));
    let other = counter.clone();
    let t = thread::spawn::<B, _, _>("incrementer".into(), move || increment(&other)).unwrap();
    increment(&counter);
    t.join().unwrap();
    // Relaxed: join() already ordered the other thread's writes before us.
    assert_eq!(counter.load(Ordering::Relaxed), 2, "an increment was lost");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Load, then store: two steps another thread can come between.
pub fn broken<B: Backend>() {
    run::<B>(|c| {
        // Relaxed: the bug is the split, not the ordering.
        let seen = c.load(Ordering::Relaxed);
        c.store(seen + 1, Ordering::Relaxed);
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// One atomic read-modify-write.
pub fn fixed<B: Backend>() {
    run::<B>(|c| {
        // Relaxed: a counter orders nothing else; atomicity is what counts.
        c.fetch_add(1, Ordering::Relaxed);
    });
}
// ANCHOR_END: fixed
