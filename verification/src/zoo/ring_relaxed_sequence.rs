//! **A too-weak ordering on a ring slot's sequence store.** The producer
//! writes the value, then stores the slot's sequence to say "full"; the
//! consumer loads the sequence with `Acquire` and reads the value. With a
//! `Relaxed` store the pair does not synchronise: seeing "full" says
//! nothing about the value, and the read races with the write. The
//! program order is right; a happens-before edge is missing.
//!
//! The interleaving: none is needed. loom finds it in the first execution
//! where the consumer sees the sequence, because it tracks which writes
//! each load may see and every access to the slot's `UnsafeCell`.
//!
//! The fix (the executor's `Ring`): the sequence store is `Release`, so the
//! value written before it is visible to whoever loads the sequence with
//! `Acquire`. The mirror mistake, a `Relaxed` load on the consumer's side,
//! breaks the same edge from the other end.

use super::mini_ring::MiniRing;
use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Ordering, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "ring_relaxed_sequence",
    summary: "a Relaxed store of a slot's sequence publishes the sequence but not the value",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: &[Checker::Loom],
    blind_spots: "shuttle's atomics are sequentially consistent and its cells plain, so every \
                  read it schedules sees the write; x86 never reorders two stores, so real \
                  threads on the machines CI runs on cannot show it",
    spurious: false,
};

/// Thread "producer" pushes 42 with its sequence stored with `publish`;
/// main reads the slot if an `Acquire` load shows the sequence.
fn run<B: Backend>(publish: Ordering) {
    let ring = Arc::<B, _>::new(MiniRing::<B>::new());
    let producer = {
        let ring = ring.clone();
        thread::spawn::<B, _, _>("producer".into(), move || ring.push(42, publish)).unwrap()
    };
    // One look: loom explores both outcomes of it.
    if ring.published(Ordering::Acquire) {
        assert_eq!(ring.read(), Some(42), "saw the sequence but not the value");
    }
    producer.join().unwrap();
}

// ANCHOR: broken
/// Stores the sequence `Relaxed`: the value is not published.
pub fn broken<B: Backend>() {
    run::<B>(Ordering::Relaxed);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Stores the sequence `Release`, paired with the consumer's `Acquire`.
pub fn fixed<B: Backend>() {
    run::<B>(Ordering::Release);
}
// ANCHOR_END: fixed
