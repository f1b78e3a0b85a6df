//! # Token bucket: a rate limiter that callers share
//!
//! A token bucket holds up to `capacity` tokens and earns one more every
//! `refill_every`; each request spends one, and a request that finds the
//! bucket empty is refused at once (fast-fail backpressure, instead of
//! queueing work you cannot serve). Bursts up to `capacity` pass; beyond
//! that the rate is capped. The clock is an argument here, so the tests
//! can say "it is now 10 ms later" instead of sleeping.
//!
//! The concurrency trap: "top up the bucket" and "take a token" read and
//! write the same state. If either is split across two lock sections, two
//! callers can both earn the same refill or both spend the same token.
//!
//! ## Your task
//! Implement `TokenBucket` so that, however many threads call it at once:
//! - it starts full at time zero;
//! - `try_acquire(now)` first credits one token per whole `refill_every`
//!   elapsed since the last credit (never above `capacity`, and time spent
//!   full earns nothing), then takes a token if there is one and returns
//!   whether it did;
//! - over any run, the number of `true`s never exceeds the tokens that
//!   were really available: `capacity` plus the refills earned;
//! - a caller whose `now` is older than what another caller already used
//!   (threads read the clock, then race for the lock) earns nothing and
//!   must not panic.
//!
//! ## The Python 3.8 shape
//! ```python
//! class TokenBucket:
//!     def __init__(self, capacity: int, refill_every: float): ...
//!     def try_acquire(self, now: float) -> bool: ...   # now: time.monotonic()
//! ```
//!
//! Grade with `cargo drill check token_bucket`.

// ANCHOR: skeleton
use exercises::prelude::*;

/// The bucket's state; all of it changes together.
struct Bucket {
    tokens: u32,
    /// The time up to which refills have been credited.
    credited_until: Duration,
}

/// A rate limiter shared by many threads.
pub struct TokenBucket<B: Backend> {
    capacity: u32,
    refill_every: Duration,
    state: Mutex<B, Bucket>,
}

impl<B: Backend> TokenBucket<B> {
    /// A full bucket at time zero.
    pub fn new(capacity: u32, refill_every: Duration) -> Self {
        Self {
            capacity,
            refill_every,
            state: Mutex::new(Bucket {
                tokens: capacity,
                credited_until: Duration::ZERO,
            }),
        }
    }

    /// Refills for the time up to `now`, then takes a token if any.
    pub fn try_acquire(&self, now: Duration) -> bool {
        todo!("refill and take under one lock")
    }
}
// ANCHOR_END: skeleton
