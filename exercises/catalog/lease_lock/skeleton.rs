//! # Lease lock with fencing tokens: a lock that survives a paused holder
//!
//! A distributed lock is a key in a shared store, set only if absent and
//! with an expiry, so that a crashed holder cannot keep it forever. The
//! expiry is also its weakness: a holder that pauses (a long GC, a
//! swapped-out VM) past its lease wakes up still believing it holds the
//! lock, while the store has given it to someone else. Checking "do I
//! still hold it?" before writing does not help, since the pause can fall
//! right after the check. The fix is a *fencing token*: every grant comes
//! with a number larger than all before it, every write carries it, and
//! the resource rejects a write whose token is lower than the highest it
//! has seen.
//!
//! ## Your task
//! Implement the store's three operations, each under the store's lock:
//! - `try_acquire(owner, ttl, sent_at)`: set-if-absent with expiry. Grant
//!   the lease (until `now + ttl` on the **store's** clock) if there is no
//!   lease or it has expired on that clock, and return the next fencing
//!   token (1, 2, 3 ...); otherwise `None`. `sent_at` is the client's own
//!   clock: another machine's, which may be ahead, behind or paused, so it
//!   must not decide anything;
//! - `release(owner, token)`: delete the lease only if it is still this
//!   owner's, with this token (`true`); a holder whose lease expired and
//!   went to someone else must not delete theirs (`false`);
//! - `write(owner, token)`: the fenced resource. Reject (`Err(Fenced)`) a
//!   token lower than the highest accepted so far; otherwise accept it,
//!   remember it, and log `(owner, token)` in `accepted`. The holder may
//!   write more than once with its token.
//!
//! The suite plays two clients on two threads: one is paused while the
//! scenario moves the store's clock past its lease and a second client
//! takes over; shuttle and loom try every order of their steps.
//!
//! ## The Python 3.8 shape
//! ```python
//! class LeaseStore:
//!     def advance(self, ticks): ...
//!     def try_acquire(self, owner, ttl, sent_at): ...  # token or None
//!     def release(self, owner, token) -> bool: ...
//!     def write(self, owner, token) -> bool: ...       # False: fenced off
//! ```
//!
//! Grade with `cargo drill check lease_lock`.

use exercises::prelude::*;

// ANCHOR: skeleton
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
        todo!("under the lock: refuse if a lease is live on the store's clock; else grant the next token")
    }

    /// Deletes the lease if `owner` still holds it with `token`.
    pub fn release(&self, owner: u32, token: u64) -> bool {
        todo!("delete the lease only if this owner holds it with this token")
    }

    /// Writes to the resource with a fencing token: rejected if a higher
    /// token has already been accepted.
    pub fn write(&self, owner: u32, token: u64) -> Result<(), Fenced> {
        todo!("reject a token below the highest accepted; otherwise record it and the write")
    }
}
// ANCHOR_END: skeleton
