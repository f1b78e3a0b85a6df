//! # Actor with a bounded mailbox: reference solution
//!
//! Only the actor thread touches `total`, so it needs no lock: the mailbox
//! is the one shared thing, and it serialises the requests. `ask` waits
//! while the mailbox is full (backpressure, not loss) and then for its
//! own reply slot, so each caller hears about its own request only
//! (`tell` waits for room the same way and asks for no reply). The
//! actor publishes the snapshot *before* it fills the reply slot: the
//! slot's mutex then carries the snapshot to the caller, who can never
//! see its reply and an older snapshot. A panicking handler is caught by
//! `catch_unwind` around that one message: the caller gets `Restarted`,
//! the state starts again from zero (it may be half-updated), and the
//! mailbox, with every request still queued in it, is kept. `stop`
//! closes the mailbox; the actor drains what is queued, then exits.
//!
//! ## In Python 3.8
//! ```python
//! import queue, threading
//!
//! class Actor:
//!     def __init__(self, capacity):
//!         self._mailbox = queue.Queue(maxsize=capacity)   # put() blocks when full
//!         self._snapshot = 0
//!         self._thread = threading.Thread(target=self._run, name="actor")
//!         self._thread.start()
//!
//!     def tell(self, msg):
//!         self._mailbox.put((msg, None))                  # no reply wanted
//!
//!     def ask(self, msg):
//!         reply = queue.Queue(maxsize=1)                  # one reply slot per request
//!         self._mailbox.put((msg, reply))
//!         ok, value = reply.get()
//!         if not ok:
//!             raise RuntimeError("restarted")
//!         return value
//!
//!     def stop(self):
//!         self._mailbox.put(None)                         # drained after what is queued
//!         self._thread.join()
//!
//!     def _run(self):
//!         total = 0                                       # private: only this thread
//!         while True:
//!             item = self._mailbox.get()
//!             if item is None:
//!                 return
//!             msg, reply = item
//!             try:
//!                 total = handle(total, msg)
//!                 answer = (True, total)
//!             except Exception:
//!                 total, answer = 0, (False, None)        # restart, keep the mailbox
//!             self._snapshot = total                      # publish, then reply
//!             if reply is not None:
//!                 reply.put(answer)
//! ```

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
        // Relaxed: see `snapshot`; the reply slot's mutex publishes it.
        shared.snapshot.store(total, Ordering::Relaxed);
        if let Some(slot) = envelope.reply {
            slot.fill(reply);
        }
    }
}
