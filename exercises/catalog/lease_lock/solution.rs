//! # Lease lock with fencing tokens: reference solution
//!
//! Everything the store decides, it decides under its own lock and on its
//! own clock. `try_acquire` is set-if-absent: the lease is granted only if
//! there is none or the one there has expired by the store's clock (the
//! client's `sent_at` says nothing about the store's time, so it is never
//! consulted), and each grant takes the next token, so tokens grow with
//! every new holder. `release` deletes the lease only if the caller still
//! owns it, owner and token both: a holder whose lease expired and was
//! granted to another must not delete the other's lease. `write` is the
//! fence: the store keeps the highest token it has accepted and rejects
//! any lower one. A paused holder may still believe it holds the lease,
//! and no check on the client side can close that gap (the pause can fall
//! between the check and the write); the store's comparison of tokens can.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class LeaseStore:
//!     def __init__(self):
//!         self._lock = threading.Lock()
//!         self._now = 0
//!         self._lease = None            # (owner, token, expires_at) or None
//!         self._last_token = 0
//!         self._highest_written = 0
//!         self._accepted = []
//!
//!     def advance(self, ticks):
//!         with self._lock:
//!             self._now += ticks
//!
//!     def try_acquire(self, owner, ttl, sent_at):
//!         with self._lock:              # sent_at is the client's clock: ignore it
//!             if self._lease is not None and self._lease[2] > self._now:
//!                 return None
//!             self._last_token += 1
//!             self._lease = (owner, self._last_token, self._now + ttl)
//!             return self._last_token
//!
//!     def release(self, owner, token):
//!         with self._lock:
//!             if self._lease is None or self._lease[:2] != (owner, token):
//!                 return False
//!             self._lease = None
//!             return True
//!
//!     def write(self, owner, token):
//!         with self._lock:
//!             if token < self._highest_written:
//!                 return False          # fenced off: a newer holder has written
//!             self._highest_written = token
//!             self._accepted.append((owner, token))
//!             return True
//! ```

use exercises::prelude::*;

/// A write refused because a holder with a newer token has written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fenced {
    /// The highest token the store has accepted.
    pub highest: u64,
}

/// The lease as the store records it.
#[derive(Debug, Clone, Copy)]
struct Lease {
    owner: u32,
    token: u64,
    /// On the store's clock.
    expires_at: u64,
}

#[derive(Debug, Default)]
struct State {
    now: u64,
    lease: Option<Lease>,
    last_token: u64,
    highest_written: u64,
    accepted: Vec<(u32, u64)>,
}

/// A simulated store: one lease key with expiry on a logical clock, and a
/// resource that takes fenced writes.
pub struct LeaseStore<B: Backend> {
    state: Mutex<B, State>,
}

impl<B: Backend> LeaseStore<B> {
    /// An empty store at time 0.
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State::default()),
        }
    }

    /// Moves the store's clock on (the scenario plays time).
    pub fn advance(&self, ticks: u64) {
        self.state.lock().now += ticks;
    }

    /// The writes accepted so far, in order, as `(owner, token)`.
    pub fn accepted(&self) -> Vec<(u32, u64)> {
        self.state.lock().accepted.clone()
    }

    /// Grants the lease to `owner` for `ttl` ticks of the store's clock and
    /// returns its fencing token, unless another lease is still live.
    /// `sent_at` is the client's own clock when it sent the request.
    pub fn try_acquire(&self, owner: u32, ttl: u64, sent_at: u64) -> Option<u64> {
        let _ = sent_at; // another machine's clock: never trusted for expiry
        let mut state = self.state.lock();
        if state.lease.is_some_and(|lease| lease.expires_at > state.now) {
            return None;
        }
        let token = state.last_token + 1;
        state.last_token = token;
        state.lease = Some(Lease {
            owner,
            token,
            expires_at: state.now + ttl,
        });
        Some(token)
    }

    /// Deletes the lease if `owner` still holds it with `token`.
    pub fn release(&self, owner: u32, token: u64) -> bool {
        let mut state = self.state.lock();
        match state.lease {
            Some(lease) if lease.owner == owner && lease.token == token => {
                state.lease = None;
                true
            }
            _ => false,
        }
    }

    /// Writes to the resource with a fencing token: rejected if a higher
    /// token has already been accepted.
    pub fn write(&self, owner: u32, token: u64) -> Result<(), Fenced> {
        let mut state = self.state.lock();
        if token < state.highest_written {
            return Err(Fenced {
                highest: state.highest_written,
            });
        }
        state.highest_written = token;
        state.accepted.push((owner, token));
        Ok(())
    }
}
