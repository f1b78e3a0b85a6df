//! Grades `priority_aging`: the order of the takes while producers on
//! other threads keep putting, a taker blocked on an empty queue, and
//! close with takers waiting.

use super::answer::PriorityQueue;
use exercises::prelude::*;

const HIGH: usize = 0;
const MID: usize = 1;
const LOW: usize = 2;

/// A shared queue with `aging_bound`, holding `items` (level, item).
fn queue_with<B: Backend>(aging_bound: usize, items: &[(usize, &'static str)]) -> Arc<B, PriorityQueue<B, &'static str>> {
    let queue = PriorityQueue::<B, &'static str>::new(aging_bound);
    for &(level, item) in items {
        assert!(queue.put(level, item).is_ok(), "an open queue refused {item}");
    }
    Arc::new(queue)
}

/// Takes `n` items, each of which must come (the queue is open).
fn take_n<B: Backend>(queue: &PriorityQueue<B, &'static str>, n: usize) -> Vec<&'static str> {
    (0..n)
        .map(|i| queue.take().unwrap_or_else(|| panic!("take {i} of {n} returned None from an open queue")))
        .collect()
}

/// Guarantee: with no aging due, higher levels come first and items of
/// one level come out in the order they were put.
fn higher_first_fifo_within_level<B: Backend>() {
    let queue = queue_with::<B>(100, &[]);
    let q = queue.clone();
    let producer = spawn::<B, _>("producer", move || {
        for (level, item) in [(LOW, "l1"), (MID, "m1"), (HIGH, "h1"), (MID, "m2"), (HIGH, "h2"), (HIGH, "h3")] {
            assert!(q.put(level, item).is_ok(), "an open queue refused {item}");
        }
    });
    yield_now::<B>(); // a scheduling point, so the checkers interleave the producer
    join(producer);
    let taken = take_n(&queue, 6);
    assert_eq!(
        taken,
        ["h1", "h2", "h3", "m1", "m2", "l1"],
        "aging bound 100 (never due): highest level first, FIFO within a level"
    );
}

/// Guarantee: while a producer keeps high-priority items coming, a
/// waiting head is passed over by at most B = 1 higher-priority takes;
/// when two heads are due the lower level's goes first.
fn aging_bound_holds_under_load<B: Backend>() {
    let queue = queue_with::<B>(1, &[(LOW, "low"), (MID, "mid"), (HIGH, "h1"), (HIGH, "h2")]);
    let q = queue.clone();
    let producer = spawn::<B, _>("high-producer", move || {
        for item in ["h3", "h4"] {
            assert!(q.put(HIGH, item).is_ok(), "an open queue refused {item}");
        }
    });
    let taken = take_n(&queue, 6);
    join(producer);
    let passed_low = taken.iter().take_while(|&&i| i != "low").count();
    assert_eq!(
        taken,
        ["h1", "low", "mid", "h2", "h3", "h4"],
        "bound 1: after h1 both heads are due, low first (it passes no higher level), then mid; \
         low was passed by {passed_low} items"
    );
}

/// Guarantee: a `take` blocked on an empty queue is woken by a `put`;
/// after `close` the queue still drains, then `take` returns `None` and
/// `put` hands the item back.
fn take_waits_for_put_close_drains<B: Backend>() {
    let queue = queue_with::<B>(1, &[]);
    let q = queue.clone();
    let taker = spawn::<B, _>("taker", move || q.take());
    yield_now::<B>(); // a step before the put: the taker may be asleep by now
    assert!(queue.put(MID, "job").is_ok(), "an open queue refused a put");
    assert_eq!(join(taker), Some("job"), "the blocked take must return the item put");
    assert!(queue.put(LOW, "last").is_ok(), "an open queue refused a put");
    queue.close();
    assert_eq!(queue.put(HIGH, "late"), Err("late"), "a put after close must hand the item back");
    assert_eq!(queue.take(), Some("last"), "close drains: an item put before it must still be taken");
    assert_eq!(queue.take(), None, "closed and empty: take must return None, not wait");
}

/// Guarantee: `close` wakes every waiting taker (two here), and each
/// returns `None`.
fn close_wakes_every_taker<B: Backend>() {
    let queue = queue_with::<B>(1, &[]);
    let takers: Vec<_> = (0..2)
        .map(|i| {
            let q = queue.clone();
            spawn::<B, _>(format!("taker-{i}"), move || q.take())
        })
        .collect();
    yield_now::<B>(); // a step before the close: the takers may be asleep by now
    queue.close();
    for (i, taker) in takers.into_iter().enumerate() {
        assert_eq!(join(taker), None, "taker-{i}: a closed, empty queue must return None");
    }
}

/// Guarantee: two takers, two items: each taker gets one, however the
/// wake-ups and the takes interleave (a take never returns `None` from an
/// open queue).
fn two_takers_two_items<B: Backend>() {
    let queue = queue_with::<B>(1, &[]);
    let takers: Vec<_> = (0..2)
        .map(|i| {
            let q = queue.clone();
            spawn::<B, _>(format!("taker-{i}"), move || q.take())
        })
        .collect();
    for item in ["a", "b"] {
        assert!(queue.put(HIGH, item).is_ok(), "an open queue refused {item}");
    }
    let mut taken: Vec<Option<&str>> = takers.into_iter().map(join).collect();
    taken.sort_unstable();
    assert_eq!(taken, [Some("a"), Some("b")], "two items for two takers: each must get one");
}

/// Guarantee: concurrent takers keep the aging count exact: with bound 1,
/// the two takes from [low, h1, h2] are h1 and the then-due low, never
/// h1 and h2.
fn concurrent_takers_respect_aging<B: Backend>() {
    let queue = queue_with::<B>(1, &[(LOW, "low"), (HIGH, "h1"), (HIGH, "h2")]);
    let q = queue.clone();
    let other = spawn::<B, _>("taker", move || q.take());
    let mine = queue.take();
    let mut taken = [mine, join(other)];
    taken.sort_unstable();
    assert_eq!(
        taken,
        [Some("h1"), Some("low")],
        "bound 1: after h1 the low head is due and must be the next take, whichever thread takes it"
    );
    assert_eq!(queue.take(), Some("h2"), "h2 must still be queued");
}

/// Guarantee: a put racing close is either refused, or accepted and
/// drained; never accepted into a queue whose takers have left.
fn put_races_close<B: Backend>() {
    let queue = queue_with::<B>(1, &[]);
    let q = queue.clone();
    let producer = spawn::<B, _>("producer", move || q.put(HIGH, "raced").is_ok());
    queue.close();
    let drained: Vec<&str> = std::iter::from_fn(|| queue.take()).collect();
    let accepted = join(producer);
    let late: Vec<&str> = std::iter::from_fn(|| queue.take()).collect();
    assert!(late.is_empty(), "put was accepted after the closed queue had drained: {late:?} would never be taken");
    assert_eq!(drained.len(), usize::from(accepted), "put returned accepted = {accepted}; the drain after close took {drained:?}");
}

exercises::suite! {
    exercise: "priority_aging",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        higher_first_fifo_within_level,
        aging_bound_holds_under_load,
        take_waits_for_put_close_drains,
        close_wakes_every_taker,
        two_takers_two_items,
        concurrent_takers_respect_aging,
        put_races_close,
    ],
}
