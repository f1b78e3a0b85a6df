//! Grades `ref_count`: holders each write their own slot of the shared
//! state, then release; the last holder checks every slot.

use super::answer::RefCount;
use exercises::prelude::*;

/// A counted value: one slot per holder, each written before it lets go.
struct Shared<B: Backend> {
    count: RefCount<B>,
    slots: [AtomicU64<B>; 3],
}

impl<B: Backend> Shared<B> {
    fn new() -> Arc<B, Self> {
        Arc::new(Self {
            count: RefCount::new(),
            slots: std::array::from_fn(|_| AtomicU64::new(0)),
        })
    }

    /// A holder's last write, then `release`; the last holder "frees":
    /// it reads every slot of the `holders` and checks it. Returns whether
    /// this holder was the last.
    fn finish(&self, me: usize, holders: usize) -> bool {
        // Relaxed, on purpose: only `release`'s orderings may publish it.
        self.slots[me].store(1, Ordering::Relaxed);
        if !self.count.release() {
            return false;
        }
        for (other, slot) in self.slots.iter().enumerate().take(holders) {
            // Relaxed: `release` must already have ordered the write.
            let seen = slot.load(Ordering::Relaxed);
            assert_eq!(
                seen, 1,
                "holder {me} was told it was the last, yet read holder {other}'s slot as \
                 {seen}: it freed the value before that holder's final write was visible (the \
                 slot's `load(Relaxed) -> 0` in the step table). Is the decrement Release, does \
                 the last holder acquire (a fence) before it frees, and is only the holder that \
                 takes the count to zero told it is the last?"
            );
        }
        true
    }
}

/// Guarantee: the last holder sees every other holder's writes before it
/// frees the value.
fn last_holder_sees_every_write<B: Backend>() {
    let shared = Shared::<B>::new();
    shared.count.retain();
    let other = shared.clone();
    let t = spawn::<B, _>("holder-1", move || other.finish(1, 2));
    let mine = shared.finish(0, 2);
    let theirs = join(t);
    assert!(
        mine ^ theirs,
        "exactly one of two holders must be the last (got {mine} and {theirs})"
    );
}

/// Guarantee: with three holders, exactly one is told it is the last, and
/// it sees both others' writes.
fn exactly_one_last_of_three<B: Backend>() {
    let shared = Shared::<B>::new();
    let mut threads = Vec::new();
    for me in 1..=2 {
        shared.count.retain();
        let other = shared.clone();
        threads.push(spawn::<B, _>(format!("holder-{me}"), move || {
            other.finish(me, 3)
        }));
    }
    let mut lasts = usize::from(shared.finish(0, 3));
    for t in threads {
        lasts += usize::from(join(t));
    }
    assert_eq!(
        lasts, 1,
        "{lasts} of three holders were told they were the last"
    );
}

exercises::suite! {
    exercise: "ref_count",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [last_holder_sees_every_write, exactly_one_last_of_three],
}
