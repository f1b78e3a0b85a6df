//! Grades `bounded_queue`: capacity-1 queues, so every put after the first
//! has to wait for a take, with one or two threads on each side.

use super::answer::BoundedQueue;
use exercises::prelude::*;

/// Puts `item` and checks the capacity right after.
fn put_checked<B: Backend>(queue: &BoundedQueue<B, u32>, item: u32, capacity: usize) {
    queue.put(item);
    let len = queue.len();
    assert!(len <= capacity, "after put({item}) the queue holds {len} items, capacity {capacity}");
}

/// Guarantee: one producer, one consumer: every item arrives once, in
/// the order it was put, and the capacity is never exceeded.
fn fifo_nothing_lost<B: Backend>() {
    let queue = Arc::<B, _>::new(BoundedQueue::<B, u32>::new(1));
    let q = queue.clone();
    let producer = spawn::<B, _>("producer", move || (1..=3).for_each(|i| put_checked(&q, i, 1)));
    let taken: Vec<u32> = (0..3).map(|_| queue.take()).collect();
    join(producer);
    assert_eq!(taken, [1, 2, 3], "items must come out once each, in the order they went in");
}

/// Guarantee: with two consumers blocked, a producer putting two items
/// into a queue of one gets both through (no wake-up goes to the wrong
/// side).
fn two_consumers<B: Backend>() {
    let queue = Arc::<B, _>::new(BoundedQueue::<B, u32>::new(1));
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let q = queue.clone();
            spawn::<B, _>(format!("consumer-{i}"), move || q.take())
        })
        .collect();
    queue.put(1);
    queue.put(2);
    let mut taken: Vec<u32> = consumers.into_iter().map(join).collect();
    taken.sort();
    assert_eq!(taken, [1, 2], "each of the two items must reach exactly one consumer");
}

/// Guarantee: with two producers racing into a queue of one, the consumer
/// gets both items (no wake-up goes to the wrong side), and the two never
/// fill the queue past its capacity.
fn two_producers<B: Backend>() {
    let queue = Arc::<B, _>::new(BoundedQueue::<B, u32>::new(1));
    let producers: Vec<_> = (1..=2)
        .map(|i| {
            let q = queue.clone();
            spawn::<B, _>(format!("producer-{i}"), move || put_checked(&q, i, 1))
        })
        .collect();
    let mut taken = vec![queue.take(), queue.take()];
    producers.into_iter().for_each(join);
    taken.sort();
    assert_eq!(taken, [1, 2], "each of the two items must be taken exactly once");
}

exercises::suite! {
    exercise: "bounded_queue",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [fifo_nothing_lost, two_consumers, two_producers],
}
