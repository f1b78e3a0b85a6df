//! **A slot read before its sequence says it is full.** A lock-free ring's
//! consumer sees that the tail has moved past the head and takes the slot
//! at the head. But a producer moves the tail *first*, to claim the slot,
//! and writes the value after: between the two, the slot is claimed and
//! still empty. The consumer reads nothing (or, with raw memory, garbage),
//! while the producer writes: a data race.
//!
//! The interleaving: the producer claims position 0 (tail 0 to 1); the
//! consumer sees tail 1 > head 0 and reads slot 0; the producer writes it.
//! One preemption, inside the producer's push: loom sees it as two
//! accesses to the slot's cell that nothing orders.
//!
//! The fix (the executor's `Ring`): every slot has a sequence number that
//! the producer sets, with a `Release` store, only after writing the value;
//! the consumer reads the slot only after an `Acquire` load shows that
//! sequence. The counters say which slot is whose; only the sequence says
//! the value is there.

use super::mini_ring::MiniRing;
use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Ordering, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "ring_read_before_full",
    summary: "a ring consumer trusts the tail, and reads a claimed slot before it is written",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: &[Checker::Loom],
    blind_spots: "shuttle switches threads only at its own operations, and between the \
                  producer's claim (an atomic) and its write (a plain cell) there is none, so \
                  it never schedules main inside the window; loom reports the two unordered \
                  accesses to the cell whatever the schedule; real threads must be preempted \
                  inside a window of a few instructions",
    spurious: false,
};

/// Main is the consumer; thread "producer" pushes 42. `ready` is how main
/// decides the slot at the head may be read.
fn run<B: Backend>(ready: fn(&MiniRing<B>) -> bool) {
    let ring = Arc::<B, _>::new(MiniRing::<B>::new());
    let producer = {
        let ring = ring.clone();
        thread::spawn::<B, _, _>("producer".into(), move || ring.push(42, Ordering::Release))
            .unwrap()
    };
    // One look, not a spin: the checkers explore both outcomes.
    if ready(&ring) {
        assert_eq!(
            ring.read(),
            Some(42),
            "read a slot before its value was there"
        );
    }
    producer.join().unwrap();
}

// ANCHOR: broken
/// Reads when the tail is past the head: claimed is not written.
pub fn broken<B: Backend>() {
    run::<B>(|ring| ring.claimed() > 0);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Reads when the slot's sequence says full.
pub fn fixed<B: Backend>() {
    run::<B>(|ring| ring.published(Ordering::Acquire));
}
// ANCHOR_END: fixed
