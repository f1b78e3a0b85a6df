//! # A processing set: reference solution
//!
//! Every operation is one critical section of one lock, so a message is
//! always in exactly one place, ready or processing, until it is
//! acknowledged: `receive` pops it and records it in the processing set
//! before releasing the lock, and `reap` removes it from the processing
//! set and puts it back in the ready queue before releasing it. Split
//! either into two sections and, between them, the message is in neither
//! (a crash there loses it, and `unacked` miscounts). `ack` deletes the
//! entry, so the reaper never redelivers a finished message; `reap`
//! moves, never drops, and puts redeliveries at the front since they
//! have waited longest.
//!
//! `ack` goes by id, with no lease token, so a slow consumer's late ack
//! also removes the entry of its message's redelivery. That is safe here
//! because a consumer acknowledges only after applying, and the ledger
//! counts each id once: the effect is in by then, whoever applied it.
//! The chapter's lease tokens refuse such a late ack instead, which
//! matters once an ack means more than "the effect is done".
//!
//! The ledger makes redelivery harmless: `HashSet::insert` tests and
//! records the id in one step, under the same lock as the effect, so of
//! two consumers applying one message at once exactly one adds its
//! amount. A check under one lock and an insert under another would let
//! both pass the check.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//! from typing import Dict, NamedTuple, Optional, Set, Tuple
//!
//! class Message(NamedTuple):
//!     id: int
//!     amount: int
//!
//! class WorkQueue:
//!     def __init__(self, visibility: float) -> None:
//!         self._visibility = visibility
//!         self._lock = threading.Lock()
//!         self._ready = collections.deque()   # type: collections.deque
//!         self._processing = {}               # type: Dict[int, Tuple[Message, float]]
//!
//!     def send(self, message: Message) -> None:
//!         with self._lock:
//!             self._ready.append(message)
//!
//!     def receive(self, now: float) -> Optional[Message]:
//!         with self._lock:                     # pop and record: one section
//!             if not self._ready:
//!                 return None
//!             message = self._ready.popleft()
//!             self._processing[message.id] = (message, now)
//!             return message
//!
//!     def ack(self, message_id: int) -> bool:
//!         with self._lock:
//!             return self._processing.pop(message_id, None) is not None
//!
//!     def reap(self, now: float) -> int:
//!         with self._lock:
//!             expired = [i for i, (_, started) in self._processing.items()
//!                        if now - started >= self._visibility]
//!             for i in expired:                # move, never drop
//!                 message, _ = self._processing.pop(i)
//!                 self._ready.appendleft(message)
//!             return len(expired)
//!
//!     def unacked(self) -> int:
//!         with self._lock:
//!             return len(self._ready) + len(self._processing)
//!
//! class Ledger:
//!     def __init__(self) -> None:
//!         self._lock = threading.Lock()
//!         self._seen = set()                   # type: Set[int]
//!         self._total = 0
//!
//!     def apply(self, message: Message) -> bool:
//!         with self._lock:                     # check, record, add: one section
//!             if message.id in self._seen:
//!                 return False
//!             self._seen.add(message.id)
//!             self._total += message.amount
//!             return True
//!
//!     def total(self) -> int:
//!         with self._lock:
//!             return self._total
//! ```

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
        self.state.lock().ready.push_back(message);
    }

    /// Takes the oldest ready message into the processing set at `now`.
    pub fn receive(&self, now: Duration) -> Option<Message> {
        let mut state = self.state.lock();
        let message = state.ready.pop_front()?;
        state.processing.insert(message.id, (message, now));
        Some(message)
    }

    /// Acknowledges message `id`: whether it was in the processing set.
    pub fn ack(&self, id: u64) -> bool {
        self.state.lock().processing.remove(&id).is_some()
    }

    /// Re-queues every message received `visibility` or more before `now`.
    pub fn reap(&self, now: Duration) -> usize {
        let mut state = self.state.lock();
        let expired: Vec<u64> = state
            .processing
            .iter()
            .filter(|(_, (_, started))| now.saturating_sub(*started) >= self.visibility)
            .map(|(&id, _)| id)
            .collect();
        for id in &expired {
            if let Some((message, _)) = state.processing.remove(id) {
                state.ready.push_front(message);
            }
        }
        expired.len()
    }

    /// Messages sent and not yet acknowledged: ready plus processing.
    pub fn unacked(&self) -> usize {
        let state = self.state.lock();
        state.ready.len() + state.processing.len()
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
        let mut state = self.state.lock();
        if !state.seen.insert(message.id) {
            return false;
        }
        state.total += message.amount;
        true
    }

    /// The sum of the amounts applied.
    pub fn total(&self) -> u64 {
        self.state.lock().total
    }
}
