//! Wrong: the actor replies first and publishes the new total after. A
//! caller woken by its reply reads the snapshot before the actor has
//! written it and sees the total from before its own request.

use exercises::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

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
        let reply = Arc::<B, _>::new(ReplySlot {
            slot: Mutex::new(None),
            filled: Condvar::new(),
        });
        self.post(Envelope {
            msg,
            reply: Some(reply.clone()),
        })?;
        reply.wait()
    }

    /// Queues `msg` (waiting while the mailbox is full); no reply.
    pub fn tell(&self, msg: Msg) -> Result<(), ActorError> {
        self.post(Envelope { msg, reply: None })
    }

    /// Waits for room, then queues the envelope; `Stopped` once closed.
    fn post(&self, envelope: Envelope<B>) -> Result<(), ActorError> {
        let shared = &*self.shared;
        let mut mailbox = shared
            .not_full
            .wait_while(shared.mailbox.lock(), |m| m.is_full() && !m.closed);
        if mailbox.closed {
            return Err(ActorError::Stopped);
        }
        mailbox.push(envelope);
        drop(mailbox);
        shared.not_empty.notify_one();
        Ok(())
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
        self.shared.mailbox.lock().closed = true;
        // The actor is the one waiter on not_empty. A caller waiting for
        // room is woken by the actor's next pop: the queue is full, and
        // the actor drains it.
        self.shared.not_empty.notify_one();
    }
}

/// The actor thread: one message at a time, restarting on a failure.
fn run<B: Backend>(shared: &Shared<B>) {
    let mut total = 0;
    loop {
        let next = shared
            .not_empty
            .wait_while(shared.mailbox.lock(), |m| m.queue.is_empty() && !m.closed)
            .queue
            .pop_front();
        // All, not one: after `stop`, a woken caller returns `Stopped`
        // without queueing, so it would not pass a single wake-up on.
        shared.not_full.notify_all();
        let Some(envelope) = next else {
            return; // closed and drained
        };
        let reply = match catch_unwind(AssertUnwindSafe(|| handle(&mut total, envelope.msg))) {
            Ok(value) => Ok(value),
            Err(_) => {
                total = 0; // restart: fresh state, the same mailbox
                Err(ActorError::Restarted)
            }
        };
        if let Some(slot) = envelope.reply {
            slot.fill(reply);
        }
        shared.snapshot.store(total, Ordering::Relaxed);
    }
}
