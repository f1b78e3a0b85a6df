//! Grades `spsc_ring`: a producer thread and a consumer thread pass
//! values through two slots, so the third value reuses the first slot.

use super::answer::Ring;
use exercises::prelude::*;

/// Guarantee: the consumer receives every value pushed, in order, and
/// never a slot's old contents: three values through two slots.
fn values_arrive_in_order<B: Backend>() {
    let ring = Arc::<B, _>::new(Ring::<B>::new());
    // The consumer is the spawned thread: loom lets a thread read a stale
    // value only if it has not itself seen a newer one, nor yielded since
    // it first saw the old one, and the caller created the slots.
    let consumer = ring.clone();
    let t = spawn::<B, _>("consumer", move || {
        for expected in 1..=3 {
            let got = loop {
                match consumer.pop() {
                    Some(v) => break v,
                    None => yield_now::<B>(), // empty: let the producer run
                }
            };
            assert_eq!(
                got, expected,
                "pop returned {got} where value {expected} was pushed: the consumer saw the \
                 new tail and then read the slot's old contents (a stale `load(Relaxed)` of a \
                 slot after the tail's load in the step table), or the producer overwrote a \
                 slot not yet popped. Is tail stored with Release and loaded with Acquire, and \
                 does push refuse a full ring?"
            );
        }
    });
    for value in 1..=3 {
        while !ring.push(value) {
            yield_now::<B>(); // full: let the consumer run
        }
    }
    join(t);
    assert_eq!(
        ring.pop(),
        None,
        "the ring must be empty after three pushes and three pops"
    );
}

/// Guarantee: `push` refuses a full ring and `pop` an empty one; what was
/// pushed is then popped by another thread, oldest first.
fn full_and_empty_are_reported<B: Backend>() {
    let ring = Arc::<B, _>::new(Ring::<B>::new());
    assert_eq!(ring.pop(), None, "pop on an empty ring must return None");
    assert!(
        ring.push(10) && ring.push(20),
        "push refused a ring with room"
    );
    assert!(
        !ring.push(30),
        "push accepted a third value into a ring of two slots"
    );
    let consumer = ring.clone();
    let t = spawn::<B, _>("consumer", move || {
        [consumer.pop(), consumer.pop(), consumer.pop()]
    });
    yield_now::<B>(); // a scheduling point while the consumer runs
    let got = join(t);
    assert_eq!(got, [Some(10), Some(20), None], "pops after two pushes");
}

exercises::suite! {
    exercise: "spsc_ring",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [values_arrive_in_order, full_and_empty_are_reported],
}
