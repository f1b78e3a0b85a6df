//! Wrong: `ack` finds the message in the processing set and reports
//! success, but never removes it. The reaper then redelivers every
//! acknowledged message after the timeout, forever, and `unacked` never
//! falls to zero.

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
        self.state.lock().processing.contains_key(&id)
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
