//! Grades `seqlock`: a writer replaces a pair whose halves are always
//! equal while a reader copies it; a copy with unequal halves is torn.

use super::answer::SeqLock;
use exercises::prelude::*;

/// Guarantee: a reader racing one write gets the old pair or the new one,
/// never half of each.
fn read_is_never_torn<B: Backend>() {
    let lock = Arc::<B, _>::new(SeqLock::<B>::new(0, 0));
    // The reader is the spawned thread: loom lets a thread read a stale
    // value only if it has not itself seen a newer one, nor yielded since
    // it first saw the old one, and the caller created the pair.
    let reader = lock.clone();
    let t = spawn::<B, _>("reader", move || reader.read());
    lock.write(1, 1);
    let (a, b) = join(t);
    assert_eq!(
        a, b,
        "read returned ({a}, {b}): one half from each write. In the step table one data \
         `load(Relaxed)` read the new value and the other the old, and the second `seq` \
         load still matched the first: check the writer's Release fence and final Release \
         store, and the reader's Acquire load and Acquire fence"
    );
    assert_eq!(
        lock.read(),
        (1, 1),
        "after the write has finished, read must return it"
    );
}

/// Guarantee: with two writes in a row, a reader still gets one whole
/// pair, and never one older than the pair it saw before.
fn reads_follow_the_writes<B: Backend>() {
    let lock = Arc::<B, _>::new(SeqLock::<B>::new(0, 0));
    let writer = lock.clone();
    let t = spawn::<B, _>("writer", move || {
        writer.write(1, 1);
        writer.write(2, 2);
    });
    let first = lock.read();
    let second = lock.read();
    for (a, b) in [first, second] {
        assert_eq!(a, b, "read returned the torn pair ({a}, {b})");
    }
    assert!(
        second.0 >= first.0,
        "a later read returned an older pair: {first:?}, then {second:?}"
    );
    join(t);
}

exercises::suite! {
    exercise: "seqlock",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [read_is_never_torn, reads_follow_the_writes],
}
