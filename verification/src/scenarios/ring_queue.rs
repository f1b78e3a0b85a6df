//! Guarantees of the lock-free ring alone: FIFO per producer, nothing lost
//! and nothing taken twice, across a wrap-around, a full ring, an empty
//! one, and a close racing a push. loom checks the sequence orderings (a
//! value read before it was published is a data race it reports).

use executor::fast::Lane;
use executor::ring::{Pop, PushError};
use executor::sync::{Arc, Backend, thread};

/// The fast pool's lane, holding numbers: a ring, and the two places its
/// threads park. (A spin on `Full` or `Empty` would not do under loom:
/// each look may read an older value, so the search never ends.)
fn lane<B: Backend>(capacity: usize) -> Arc<B, Lane<B, u32>> {
    Arc::new(Lane::new(capacity))
}

/// Pushes `value`, parking while the lane is full.
fn push<B: Backend>(lane: &Lane<B, u32>, value: u32) {
    assert!(lane.offer(|_| value, true).is_ok(), "the lane is open");
}

// ANCHOR: ring_two_producers
/// Two producers push one value each while main pops: both arrive, once.
pub fn ring_two_producers<B: Backend>() {
    let lane = lane::<B>(2);
    let producers: Vec<_> = [10, 20]
        .into_iter()
        .map(|value| {
            let lane = lane.clone();
            thread::spawn::<B, _, _>(format!("producer-{value}"), move || push(&lane, value))
                .unwrap()
        })
        .collect();
    let mut got: Vec<u32> = (0..2).map(|_| lane.take().unwrap()).collect();
    for producer in producers {
        producer.join().unwrap();
    }
    got.sort_unstable();
    assert_eq!(got, vec![10, 20], "none lost, none twice");
    assert_eq!(lane.ring.pop(), Pop::Empty);
}

/// Main pushes three values through a two-slot ring while a consumer takes
/// them: the ring fills (main parks), wraps around, and empties (the
/// consumer parks); the values arrive in order.
pub fn ring_wraps_when_full<B: Backend>() {
    let lane = lane::<B>(2);
    let consumer = {
        let lane = lane.clone();
        thread::spawn::<B, _, _>("consumer".into(), move || {
            (0..3).map(|_| lane.take().unwrap()).collect::<Vec<u32>>()
        })
        .unwrap()
    };
    for value in 1..=3 {
        push(&lane, value);
    }
    assert_eq!(
        consumer.join().unwrap(),
        vec![1, 2, 3],
        "FIFO across the wrap"
    );
}
// ANCHOR_END: ring_two_producers

// ANCHOR: ring_two_consumers
/// Two consumers race for one value, then the close: one takes the value,
/// and both see the ring drained (the one parked is woken by the other's
/// discovery, if not by the close).
pub fn ring_two_consumers<B: Backend>() {
    let lane = lane::<B>(2);
    let consumers: Vec<_> = (0..2)
        .map(|index| {
            let lane = lane.clone();
            thread::spawn::<B, _, _>(format!("consumer-{index}"), move || {
                let mut got = Vec::new();
                while let Some(value) = lane.take() {
                    got.push(value);
                }
                got
            })
            .unwrap()
        })
        .collect();
    push(&lane, 1);
    lane.close();
    let mut all = Vec::new();
    for consumer in consumers {
        let got = consumer.join().unwrap();
        assert!(
            got.is_sorted(),
            "one consumer's values in push order: {got:?}"
        );
        all.extend(got);
    }
    all.sort_unstable();
    assert_eq!(all, vec![1], "taken exactly once");
}
// ANCHOR_END: ring_two_consumers

// ANCHOR: ring_close_drains
/// A close races two pushes: each push either succeeds, and its value is
/// drained, or fails with `Closed` and keeps its value; `Drained` comes
/// only after every accepted value.
pub fn ring_close_drains<B: Backend>() {
    let lane = lane::<B>(2);
    let producer = {
        let lane = lane.clone();
        thread::spawn::<B, _, _>("producer".into(), move || {
            (1..=2)
                .filter(|&value| match lane.ring.push(|_| value) {
                    Ok(()) => {
                        lane.not_empty.wake_one();
                        true
                    }
                    Err(PushError::Closed(back)) => {
                        assert_eq!(back(0), value, "a refused value comes back");
                        false
                    }
                    Err(PushError::Full(_)) => panic!("two slots hold two values"),
                })
                .collect::<Vec<u32>>()
        })
        .unwrap()
    };
    assert!(lane.close(), "the first close closes");
    // A push that won its position before the close may still be
    // publishing: `pop` parks until it has.
    let drained: Vec<u32> = core::iter::from_fn(|| lane.take()).collect();
    let accepted = producer.join().unwrap();
    assert_eq!(drained, accepted, "exactly the accepted values, in order");
    assert!(!lane.close(), "a second close changes nothing");
}
// ANCHOR_END: ring_close_drains
