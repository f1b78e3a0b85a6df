//! Grades `processing_set`: consumers on two threads that crash, run
//! slowly, or race the reaper, with a logical clock; every message must
//! be applied exactly once and never drop out of the books.

use super::answer::{Ledger, Message, WorkQueue};
use exercises::prelude::*;

/// The visibility timeout: a message received at 0 s is stale at 30 s.
const VISIBILITY: Duration = Duration::from_secs(30);
const START: Duration = Duration::ZERO;

const FIRST: Message = Message { id: 1, amount: 10 };
const SECOND: Message = Message { id: 2, amount: 100 };

/// A queue holding `messages`, shared.
fn queue_with<B: Backend>(messages: &[Message]) -> Arc<B, WorkQueue<B>> {
    let queue = WorkQueue::<B>::new(VISIBILITY);
    messages.iter().for_each(|&m| queue.send(m));
    Arc::new(queue)
}

/// A well-behaved consumer: receive, apply, acknowledge. Returns the
/// message it handled, if any was ready.
fn consume<B: Backend>(queue: &WorkQueue<B>, ledger: &Ledger<B>, now: Duration) -> Option<Message> {
    let message = queue.receive(now)?;
    ledger.apply(&message);
    queue.ack(message.id);
    Some(message)
}

/// Guarantee: a consumer that crashes (never acks) has its message
/// redelivered after the visibility timeout, and only that one: the other
/// consumer's acknowledged message is not redelivered.
fn crashed_consumer_is_redelivered<B: Backend>() {
    let queue = queue_with::<B>(&[FIRST, SECOND]);
    let ledger = Ledger::<B>::default();
    let q = queue.clone();
    let crasher = spawn::<B, _>("crashing-consumer", move || q.receive(START).map(|m| m.id));
    let handled = consume(&queue, &ledger, START).map(|m| m.id);
    let crashed = join(crasher);
    assert!(handled.is_some() && crashed.is_some(), "two messages, two receives: each must get one");
    assert_eq!(queue.reap(START + VISIBILITY / 2), 0, "nothing is stale before the timeout");
    let reaped = queue.reap(START + VISIBILITY);
    assert_eq!(reaped, 1, "one consumer crashed: exactly its message must be re-queued (reaped {reaped})");
    let redelivered = consume(&queue, &ledger, START + VISIBILITY).map(|m| m.id);
    assert_eq!(redelivered, crashed, "the crashed consumer's message must be delivered again");
    assert_eq!(ledger.total(), FIRST.amount + SECOND.amount, "every message applied once (total)");
    assert_eq!(queue.unacked(), 0, "everything was acknowledged: nothing may stay unacked");
    assert_eq!(queue.reap(START + VISIBILITY * 10), 0, "an acknowledged message must never be redelivered");
}

/// Guarantee: a slow consumer that finishes while its message's
/// redelivery is being processed does not apply the effect twice, and
/// both acknowledgements leave nothing behind.
fn slow_consumer_applies_once<B: Backend>() {
    let queue = queue_with::<B>(&[FIRST]);
    let ledger = Arc::<B, _>::new(Ledger::<B>::default());
    let slow = queue.receive(START).expect("a message was sent");
    assert_eq!(queue.reap(START + VISIBILITY), 1, "the slow consumer's lease expired: reap must re-queue it");
    let (q, l) = (queue.clone(), ledger.clone());
    let second = spawn::<B, _>("redelivery-consumer", move || consume(&q, &l, START + VISIBILITY));
    let applied_by_slow = ledger.apply(&slow);
    assert_eq!(
        ledger.total(),
        FIRST.amount,
        "apply returned {applied_by_slow}: whoever applied the message, its effect must be in the total once apply returns"
    );
    queue.ack(slow.id);
    let redelivered = join(second);
    assert_eq!(redelivered, Some(FIRST), "the reaped message must be delivered to the second consumer");
    assert_eq!(
        ledger.total(),
        FIRST.amount,
        "one message applied by two consumers must count once (slow consumer applied: {applied_by_slow})"
    );
    assert_eq!(queue.unacked(), 0, "both consumers acknowledged: nothing may stay unacked");
}

/// Guarantee: a message is counted as unacknowledged at every moment
/// until it is acknowledged: while a consumer receives it, and while the
/// reaper moves it back.
fn never_in_transit<B: Backend>() {
    let queue = queue_with::<B>(&[FIRST]);
    let q = queue.clone();
    let crasher = spawn::<B, _>("crashing-consumer", move || {
        let got = q.receive(START);
        q.reap(START + VISIBILITY);
        got
    });
    let seen = queue.unacked();
    assert_eq!(seen, 1, "a message sent and never acknowledged vanished from unacked() (saw {seen})");
    assert_eq!(join(crasher), Some(FIRST), "the only message must be received");
    assert_eq!(queue.unacked(), 1, "the reaped message must be back in the queue");
    let ledger = Ledger::<B>::default();
    assert_eq!(consume(&queue, &ledger, START + VISIBILITY), Some(FIRST), "the reaped message must be delivered again");
}

/// Guarantee: an ack racing the reaper has one winner: either the ack
/// removes the message (nothing is re-queued), or the reaper re-queues it
/// (the ack reports it was no longer held, and it is delivered again).
fn ack_races_reap<B: Backend>() {
    let queue = queue_with::<B>(&[FIRST]);
    let slow = queue.receive(START).expect("a message was sent");
    let q = queue.clone();
    let reaper = spawn::<B, _>("reaper", move || q.reap(START + VISIBILITY));
    let acked = queue.ack(slow.id);
    let reaped = join(reaper);
    assert!(
        acked != (reaped == 1),
        "exactly one of ack and reap may win the message: ack returned {acked}, reap moved {reaped}"
    );
    let redelivered = queue.receive(START + VISIBILITY);
    assert_eq!(redelivered.is_some(), reaped == 1, "a message is delivered again only if the reaper won it");
}

exercises::suite! {
    exercise: "processing_set",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [crashed_consumer_is_redelivered, slow_consumer_applies_once, never_in_transit, ack_races_reap],
}
