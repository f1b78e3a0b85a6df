//! Grades `interview_bounded_queue`: producers and consumers on a small
//! queue, with `close` arriving while threads are blocked.

use super::answer::BoundedQueue;
use exercises::prelude::*;

type Queue<B> = Arc<B, BoundedQueue<B, u32>>;

fn queue<B: Backend>(capacity: usize) -> Queue<B> {
    Arc::new(BoundedQueue::new(capacity))
}

/// Guarantee: a producer that outpaces the consumer blocks instead of
/// overfilling, and every item arrives once, in order.
fn fifo_through_a_full_queue<B: Backend>() {
    let q = queue::<B>(1);
    let producer = {
        let q = q.clone();
        spawn::<B, _>("producer", move || {
            for item in 1..=3 {
                assert_eq!(q.put(item), Ok(()), "put({item}) failed on an open queue");
                assert!(q.len() <= 1, "the queue holds {} items, capacity 1", q.len());
            }
        })
    };
    let taken: Vec<Option<u32>> = (0..3).map(|_| q.take()).collect();
    join(producer);
    assert_eq!(
        taken,
        [Some(1), Some(2), Some(3)],
        "take must return every item once, oldest first, and never None while the queue is open"
    );
    assert_eq!(q.len(), 0, "items left behind after all were taken");
}

/// Guarantee: with one slot and two waiting consumers, a take wakes the
/// producer waiting for room, not the other consumer (no stolen wake-up).
fn take_wakes_the_producer<B: Backend>() {
    let q = queue::<B>(1);
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let q = q.clone();
            spawn::<B, _>(format!("consumer-{i}"), move || q.take())
        })
        .collect();
    assert_eq!(q.put(1), Ok(()), "put(1) failed on an open queue");
    assert_eq!(q.put(2), Ok(()), "put(2) failed on an open queue");
    let mut got: Vec<Option<u32>> = consumers.into_iter().map(join).collect();
    got.sort();
    assert_eq!(got, [Some(1), Some(2)], "each consumer should take one item");
}

/// Guarantee: `close` wakes every consumer blocked on an empty queue, and
/// each gets `None`.
fn close_wakes_every_consumer<B: Backend>() {
    let q = queue::<B>(1);
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let q = q.clone();
            spawn::<B, _>(format!("consumer-{i}"), move || q.take())
        })
        .collect();
    q.close();
    for (i, c) in consumers.into_iter().enumerate() {
        assert_eq!(join(c), None, "consumer-{i} got an item from an empty, closed queue");
    }
}

/// Guarantee: `close` wakes a producer blocked on a full queue and hands
/// its item back; the item already queued can still be taken.
fn close_wakes_a_blocked_producer<B: Backend>() {
    let q = queue::<B>(1);
    assert_eq!(q.put(1), Ok(()), "put(1) failed on an empty queue");
    let producer = {
        let q = q.clone();
        spawn::<B, _>("producer", move || q.put(2))
    };
    q.close();
    assert_eq!(join(producer), Err(2), "a put blocked at close must return Err(item)");
    assert_eq!(q.take(), Some(1), "close must keep the queued item for take");
    assert_eq!(q.take(), None, "take on a closed, drained queue must return None");
}

/// Guarantee: after `close`, puts fail and takes drain what was queued,
/// then return `None`.
fn close_drains_then_returns_none<B: Backend>() {
    let q = queue::<B>(2);
    assert_eq!((q.put(1), q.put(2)), (Ok(()), Ok(())), "puts failed on an open queue");
    q.close();
    let consumer = {
        let q = q.clone();
        spawn::<B, _>("consumer", move || [q.take(), q.take(), q.take()])
    };
    assert_eq!(q.put(3), Err(3), "put after close must hand the item back");
    assert_eq!(q.try_put(4), Err(4), "try_put after close must hand the item back");
    assert_eq!(join(consumer), [Some(1), Some(2), None], "a closed queue must drain, then say None");
}

/// Guarantee: on a full queue `try_put` and a zero `put_timeout` fail at
/// once, and a `put_timeout` with time to spare succeeds when room appears.
fn full_queue_fails_fast<B: Backend>() {
    let q = queue::<B>(1);
    assert_eq!(q.put(1), Ok(()), "put(1) failed on an empty queue");
    assert_eq!(q.try_put(2), Err(2), "try_put on a full queue must hand the item back");
    assert_eq!(q.put_timeout(3, Duration::ZERO), Err(3), "a zero timeout on a full queue must fail at once");
    assert_eq!(q.len(), 1, "a refused put changed the length");
    let consumer = {
        let q = q.clone();
        spawn::<B, _>("consumer", move || q.take())
    };
    assert_eq!(
        q.put_timeout(4, Duration::from_secs(60)),
        Ok(()),
        "put_timeout must succeed once a take makes room"
    );
    assert_eq!(join(consumer), Some(1), "the consumer should take the first item");
    assert_eq!(q.take(), Some(4), "the timed put's item went missing");
}

/// Guarantee: `put_timeout` with time to spare waits in a loop for room
/// (a spurious wake-up sends it back to sleep), then delivers its item
/// without overfilling. Its timeout never fires under the checkers.
fn put_timeout_waits_for_room<B: Backend>() {
    let q = queue::<B>(1);
    assert_eq!(q.put(1), Ok(()), "put(1) failed on an empty queue");
    let producer = {
        let q = q.clone();
        spawn::<B, _>("timed-producer", move || {
            assert_eq!(q.put_timeout(2, Duration::from_secs(3600)), Ok(()), "put_timeout gave up with an hour to spare");
            assert!(q.len() <= 1, "put_timeout overfilled: {} items, capacity 1", q.len());
        })
    };
    yield_now::<B>(); // the timed producer may be waiting for room now
    let taken = [q.take(), q.take()];
    join(producer);
    assert_eq!(taken, [Some(1), Some(2)], "both items must arrive, oldest first");
}

/// Guarantee: a blocking `put` and a `try_put` racing for one slot never
/// fill the queue past its capacity: each checks for room and appends in
/// one step.
fn put_and_try_put_never_overfill<B: Backend>() {
    let q = queue::<B>(1);
    let producer = {
        let q = q.clone();
        spawn::<B, _>("producer", move || {
            assert_eq!(q.put(1), Ok(()), "put(1) failed on an open queue");
            assert!(q.len() <= 1, "put overfilled: {} items, capacity 1", q.len());
        })
    };
    let tried = q.try_put(2).is_ok();
    assert!(q.len() <= 1, "try_put overfilled: {} items, capacity 1", q.len());
    let mut taken = vec![q.take()];
    if tried {
        taken.push(q.take());
    }
    join(producer);
    taken.sort();
    let want = if tried { vec![Some(1), Some(2)] } else { vec![Some(1)] };
    assert_eq!(taken, want, "every accepted item must arrive once (try_put accepted: {tried})");
}

/// Guarantee: an item added by `try_put` wakes a consumer blocked on the
/// empty queue.
fn try_put_wakes_a_consumer<B: Backend>() {
    let q = queue::<B>(1);
    let consumer = {
        let q = q.clone();
        spawn::<B, _>("consumer", move || q.take())
    };
    yield_now::<B>(); // the consumer may be asleep on the empty queue now
    assert_eq!(q.try_put(5), Ok(()), "try_put failed on an empty queue");
    assert_eq!(join(consumer), Some(5), "the blocked consumer must get the item try_put added");
}

/// Guarantee: `close` wakes every producer blocked on a full queue (two
/// here), and each gets its item back.
fn close_wakes_every_producer<B: Backend>() {
    let q = queue::<B>(1);
    assert_eq!(q.put(0), Ok(()), "put(0) failed on an empty queue");
    let producers: Vec<_> = (1..=2)
        .map(|i| {
            let q = q.clone();
            spawn::<B, _>(format!("producer-{i}"), move || q.put(i))
        })
        .collect();
    yield_now::<B>(); // the producers may be waiting for room now
    q.close(); // hangs at the joins if a blocked producer is never woken
    let got: Vec<Result<(), u32>> = producers.into_iter().map(join).collect();
    assert_eq!(got, [Err(1), Err(2)], "each producer blocked on a full, closed queue must get its item back");
}

exercises::suite! {
    exercise: "interview_bounded_queue",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        fifo_through_a_full_queue,
        take_wakes_the_producer,
        close_wakes_every_consumer,
        close_wakes_a_blocked_producer,
        close_drains_then_returns_none,
        full_queue_fails_fast,
        put_timeout_waits_for_room,
        put_and_try_put_never_overfill,
        try_put_wakes_a_consumer,
        close_wakes_every_producer,
    ],
}
