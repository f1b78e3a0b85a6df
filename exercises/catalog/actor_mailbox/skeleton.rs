//! # Actor with a bounded mailbox: private state, one message at a time
//!
//! An actor owns its state outright: no other thread reads or writes it,
//! so it needs no lock. Everyone else talks to it through its mailbox, a
//! queue it drains one message at a time, and gets answers back on a reply
//! channel of their own. Concurrency moves from the state to the mailbox.
//!
//! ## Your task
//! The actor keeps a running `total` (`handle` below, given). Implement:
//! - `post(envelope)`: queue a request. The mailbox is bounded: when it
//!   holds `capacity` requests, `post` *blocks* until the actor takes one
//!   (backpressure: no request is dropped; `Mailbox::push` refuses to
//!   overfill). Once the actor is stopped it returns `Err(Stopped)`
//!   without queueing. `tell` (given) posts with no reply;
//! - `ask(msg)`: post the request with a `ReplySlot` of its own, so each
//!   caller gets its own answer, and wait for the reply;
//! - `run`, the actor thread: take the oldest request, wake every caller
//!   waiting for room, handle it, reply, repeat; return once the mailbox is
//!   closed and empty. Publish the total
//!   in `snapshot` *before* replying: a caller holding its reply must see a
//!   snapshot at least that new;
//! - restart: `Msg::Crash` makes the handler panic. Catch it
//!   (`std::panic::catch_unwind` around the one message), reply
//!   `Err(Restarted)` to that caller, start again from a fresh total (0),
//!   and keep the mailbox: requests already queued are still served;
//! - `stop()`: close the mailbox; queued requests are still served.
//!
//! The suite runs the actor under shuttle and loom, with a mailbox of
//! capacity 1 and spurious wake-ups: `tell`s from two threads racing for
//! room, a reply checked against the snapshot, and crashes with requests
//! queued behind them.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Actor:
//!     def __init__(self, capacity): ...   # starts the actor thread
//!     def tell(self, msg): ...            # blocks while full
//!     def ask(self, msg): ...             # blocks while full; returns the reply
//!     def snapshot(self) -> int: ...
//!     def stop(self): ...
//! ```
//!
//! Grade with `cargo drill check actor_mailbox`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// A request to the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Add to the total; the reply is the new total.
    Add(u64),
    /// The reply is the total.
    Get,
    /// A poison message: the handler panics.
    Crash,
}

/// Why a request got no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorError {
    /// The handler failed on this request; the actor restarted.
    Restarted,
    /// The actor was stopped before the request was queued.
    Stopped,
}

/// The handler: one message against the private state.
fn handle(total: &mut u64, msg: Msg) -> u64 {
    match msg {
        Msg::Add(n) => *total += n,
        Msg::Get => {}
        Msg::Crash => panic!("deliberate panic: the actor's handler failed"),
    }
    *total
}

/// Where one request's answer lands.
struct ReplySlot<B: Backend> {
    slot: Mutex<B, Option<Result<u64, ActorError>>>,
    filled: Condvar<B>,
}

impl<B: Backend> ReplySlot<B> {
    fn fill(&self, reply: Result<u64, ActorError>) {
        *self.slot.lock() = Some(reply);
        self.filled.notify_one();
    }

    fn wait(&self) -> Result<u64, ActorError> {
        self.filled
            .wait_while(self.slot.lock(), |slot| slot.is_none())
            .take()
            .expect("wait_while returned, so the slot is filled")
    }
}

/// A queued request and where to answer it (`None` for a `tell`).
struct Envelope<B: Backend> {
    msg: Msg,
    reply: Option<Arc<B, ReplySlot<B>>>,
}

/// The queue of requests, bounded: it refuses to grow past `capacity`.
struct Mailbox<B: Backend> {
    queue: VecDeque<Envelope<B>>,
    capacity: usize,
    closed: bool,
}

impl<B: Backend> Mailbox<B> {
    fn is_full(&self) -> bool {
        self.queue.len() >= self.capacity
    }

    fn push(&mut self, envelope: Envelope<B>) {
        assert!(
            !self.is_full(),
            "a request was queued into a full mailbox (capacity {}): the sender must wait for room",
            self.capacity
        );
        self.queue.push_back(envelope);
    }
}

struct Shared<B: Backend> {
    mailbox: Mutex<B, Mailbox<B>>,
    not_empty: Condvar<B>,
    not_full: Condvar<B>,
    /// The total as of the last message handled; written by the actor only.
    snapshot: AtomicU64<B>,
}

/// A handle to the actor; clone it to share it between callers.
pub struct Actor<B: Backend> {
    shared: Arc<B, Shared<B>>,
}

impl<B: Backend> Clone for Actor<B> {
    fn clone(&self) -> Self {
        Self {
            shared: self.shared.clone(),
        }
    }
}

impl<B: Backend> Actor<B> {
    /// Starts the actor thread with a mailbox of `capacity` requests.
    pub fn start(capacity: usize) -> (Self, JoinHandle<B, ()>) {
        let shared = Arc::<B, _>::new(Shared {
            mailbox: Mutex::new(Mailbox {
                queue: VecDeque::new(),
                capacity,
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            snapshot: AtomicU64::new(0),
        });
        let inner = shared.clone();
        let thread = spawn::<B, _>("actor", move || run(&inner));
        (Self { shared }, thread)
    }

    /// Queues `msg` (waiting while the mailbox is full) and waits for its reply.
    pub fn ask(&self, msg: Msg) -> Result<u64, ActorError> {
        todo!("a fresh reply slot per request: post an envelope holding a clone of it, then wait on it")
    }

    /// Queues `msg` (waiting while the mailbox is full); no reply.
    pub fn tell(&self, msg: Msg) -> Result<(), ActorError> {
        self.post(Envelope { msg, reply: None })
    }

    /// Waits for room, then queues the envelope; `Stopped` once closed.
    fn post(&self, envelope: Envelope<B>) -> Result<(), ActorError> {
        todo!("wait while the mailbox is full and open; Stopped if closed; else push and wake the actor")
    }

    /// The total as of the last message the actor handled.
    pub fn snapshot(&self) -> u64 {
        // Relaxed: the actor stores it before filling a reply slot, and
        // that slot's mutex orders the store before the caller's load.
        self.shared.snapshot.load(Ordering::Relaxed)
    }

    /// Closes the mailbox: queued requests are still served, later ones
    /// get `Stopped`, and the actor thread then ends.
    pub fn stop(&self) {
        todo!("mark the mailbox closed and wake the actor")
    }
}

/// The actor thread: one message at a time, restarting on a failure.
fn run<B: Backend>(shared: &Shared<B>) {
    todo!("loop: pop the next envelope (return once closed and drained) and wake callers waiting for room; handle it under catch_unwind, restarting on a panic; publish the snapshot, then reply")
}
// ANCHOR_END: skeleton
