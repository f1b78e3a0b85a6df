//! # A processing set: at-least-once delivery, exactly-once effect
//!
//! A queue that deletes a message when a consumer takes it loses the
//! message if that consumer crashes before finishing (at-most-once). The
//! reliable design keeps every taken message in a *processing set*, with
//! the time it was taken, until the consumer acknowledges it; a *reaper*
//! puts back in the queue every message whose consumer has been silent
//! longer than the *visibility timeout*. Nothing is lost, but a consumer
//! that was only slow may finish after its message was handed to another:
//! the same message is processed twice. So the consumer must be
//! idempotent: it remembers which message ids it has applied and skips a
//! repeat, which makes the effect exactly once.
//!
//! The clock is an argument (`now`, time since start): the tests say "it
//! is now 30 s later" instead of sleeping.
//!
//! ## Your task
//! Implement `WorkQueue` so that, however the calls interleave:
//! - `receive(now)` takes the oldest ready message, or `None` if none is
//!   ready, and moves it into the processing set with its start time
//!   `now`;
//! - `ack(id)` removes the message from the processing set and returns
//!   whether it was there;
//! - `reap(now)` moves every message received at least `visibility` ago
//!   back to the front of the ready queue and returns how many it moved;
//! - `unacked()` counts ready plus processing messages: every message sent
//!   and not yet acknowledged, at every moment (never "in transit"
//!   between the two).
//!
//! And `Ledger`, the idempotent consumer's effect: `apply(message)` adds
//! `message.amount` to the total the first time it sees `message.id` and
//! returns `true`; any later apply of that id changes nothing and returns
//! `false`, even when two consumers apply it at the same moment.
//!
//! The suite runs consumers on 2 threads under every checker: one that
//! crashes (never acks) must have its message redelivered after the
//! timeout, one that is slow must not apply its message twice when its
//! redelivery is processed at the same time, and no message may go
//! missing, not even for an instant.
//!
//! ## The Python 3.8 shape
//! ```python
//! class WorkQueue:
//!     def __init__(self, visibility: float): ...
//!     def send(self, message: Message) -> None: ...
//!     def receive(self, now: float) -> Optional[Message]: ...
//!     def ack(self, message_id: int) -> bool: ...
//!     def reap(self, now: float) -> int: ...
//!     def unacked(self) -> int: ...
//!
//! class Ledger:
//!     def apply(self, message: Message) -> bool: ...
//!     def total(self) -> int: ...
//! ```
//!
//! Grade with `cargo drill check processing_set`.

use exercises::prelude::*;

/// A message: its id is what makes a redelivery recognisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    /// Unique per message; the same on every delivery of it.
    pub id: u64,
    /// What applying it adds to the ledger.
    pub amount: u64,
}

/// The queue's state: all of it changes together.
struct Queues {
    /// Messages waiting for a consumer, oldest first.
    ready: VecDeque<Message>,
    /// Messages received and not yet acknowledged, by id, with the time
    /// each was received.
    processing: BTreeMap<u64, (Message, Duration)>,
}

/// A queue with at-least-once delivery.
pub struct WorkQueue<B: Backend> {
    visibility: Duration,
    state: Mutex<B, Queues>,
}

impl<B: Backend> WorkQueue<B> {
    /// An empty queue whose receivers have `visibility` to acknowledge.
    pub fn new(visibility: Duration) -> Self {
        Self {
            visibility,
            state: Mutex::new(Queues {
                ready: VecDeque::new(),
                processing: BTreeMap::new(),
            }),
        }
    }

    /// Queues `message` at the back.
    pub fn send(&self, message: Message) {
        todo!()
    }

    /// Takes the oldest ready message into the processing set at `now`.
    pub fn receive(&self, now: Duration) -> Option<Message> {
        todo!("pop and record the start time in one critical section")
    }

    /// Acknowledges message `id`: whether it was in the processing set.
    pub fn ack(&self, id: u64) -> bool {
        todo!()
    }

    /// Re-queues every message received `visibility` or more before `now`.
    pub fn reap(&self, now: Duration) -> usize {
        todo!("move, do not drop")
    }

    /// Messages sent and not yet acknowledged: ready plus processing.
    pub fn unacked(&self) -> usize {
        todo!()
    }
}

/// What has been applied: the ids seen and their effect, together.
struct Applied {
    seen: HashSet<u64>,
    total: u64,
}

/// The idempotent consumer's effect: each message id counts once.
pub struct Ledger<B: Backend> {
    state: Mutex<B, Applied>,
}

impl<B: Backend> Default for Ledger<B> {
    fn default() -> Self {
        Self {
            state: Mutex::new(Applied {
                seen: HashSet::new(),
                total: 0,
            }),
        }
    }
}

impl<B: Backend> Ledger<B> {
    /// Adds `message.amount` unless its id was applied before.
    pub fn apply(&self, message: &Message) -> bool {
        todo!("check and record the id, and add, in one critical section")
    }

    /// The sum of the amounts applied.
    pub fn total(&self) -> u64 {
        todo!()
    }
}
