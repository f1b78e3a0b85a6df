//! # Retries: capped exponential backoff with full jitter, and a budget
//!
//! A failed call is often worth retrying, but retries done badly turn a
//! blip into an outage. Waiting `base * 2^attempt` spreads retries out;
//! the cap keeps the wait bounded (and the arithmetic from overflowing at
//! attempt 64); *full jitter* (wait a uniformly random time in
//! `[0, ceiling]`) stops clients that failed together from retrying in
//! lock-step. And a *retry budget* bounds the extra load: every request
//! earns a fraction of a retry, every retry spends a whole one, so retries
//! stay below a fixed percentage of traffic. The budget is shared by all
//! threads, so "is there a retry left?" and "take it" must be one step.
//!
//! ## Your task
//! `Backoff` (no threads; the random number is passed in so tests are
//! deterministic):
//! - `ceiling_ms(attempt)` is `min(cap, base * 2^attempt)` for every
//!   `attempt`, including huge ones, without overflowing;
//! - `delay_ms(attempt, random)` is `random % (ceiling_ms(attempt) + 1)`.
//!
//! `RetryBudget`, counted in hundredths of a retry:
//! - it starts full, with `reserve` retries, and never holds more;
//! - `record_request()` earns `percent` hundredths of a retry;
//! - `try_spend_retry()` takes one whole retry if there is one and says
//!   whether it did; concurrent callers never spend more than was there.
//!
//! ## The Python 3.8 shape
//! ```python
//! class Backoff:
//!     def __init__(self, base_ms: int, cap_ms: int): ...
//!     def ceiling_ms(self, attempt: int) -> int: ...
//!     def delay_ms(self, attempt: int, random: int) -> int: ...   # random: rng.getrandbits(64)
//!
//! class RetryBudget:
//!     def __init__(self, percent: int, reserve: int): ...
//!     def record_request(self) -> None: ...
//!     def try_spend_retry(self) -> bool: ...
//!     def available(self) -> int: ...    # whole retries left
//! ```
//!
//! Grade with `cargo drill check retry_backoff`.

use exercises::prelude::*;

/// Capped exponential backoff with full jitter.
pub struct Backoff {
    base_ms: u64,
    cap_ms: u64,
}

impl Backoff {
    /// Waits start at `base_ms` and never exceed `cap_ms`.
    pub fn new(base_ms: u64, cap_ms: u64) -> Self {
        Self { base_ms, cap_ms }
    }

    /// The longest wait before retry number `attempt` (0 for the first).
    pub fn ceiling_ms(&self, attempt: u32) -> u64 {
        todo!()
    }

    /// The wait before retry `attempt`, given a random number.
    pub fn delay_ms(&self, attempt: u32, random: u64) -> u64 {
        todo!()
    }
}

/// At most `reserve` retries at once, refilled by `percent`% of requests.
pub struct RetryBudget<B: Backend> {
    /// Hundredths of a retry available now.
    tokens: AtomicU64<B>,
    /// Hundredths earned per request.
    percent: u64,
    /// The most hundredths it can hold.
    max: u64,
}

impl<B: Backend> RetryBudget<B> {
    /// A full budget of `reserve` retries, earning `percent`% per request.
    pub fn new(percent: u64, reserve: u64) -> Self {
        todo!()
    }

    /// A request went out: earn `percent` hundredths of a retry.
    pub fn record_request(&self) {
        todo!()
    }

    /// Takes one retry if available; whether it did.
    pub fn try_spend_retry(&self) -> bool {
        todo!()
    }

    /// Whole retries available now.
    pub fn available(&self) -> u64 {
        todo!()
    }
}
