//! Wrong: no fencing. `write` takes the token and ignores it, trusting
//! that only the lease holder writes. A holder paused past its lease wakes
//! up and writes after the new holder has: two holders' writes interleave,
//! and the older one overwrites the newer.

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
        // Only the holder writes, so the token needs no check.
        state.highest_written = state.highest_written.max(token);
        state.accepted.push((owner, token));
        Ok(())
    }
}
