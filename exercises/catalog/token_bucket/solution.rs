//! # Token bucket: reference solution
//!
//! One lock section does everything: read the clock state, credit the
//! refill, advance `credited_until`, and take the token. Any other caller
//! therefore sees either none of it or all of it: a refill is credited
//! once, because whoever credits it also moves `credited_until` past it,
//! and a token is spent once, because the check and the decrement are not
//! separated. `credited_until` advances by whole periods, so a fraction of
//! a period is not lost between calls; when the bucket is full it jumps to
//! `now`, so idle time earns nothing beyond `capacity`. A `now` older than
//! `credited_until` saturates to zero elapsed time.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class TokenBucket:
//!     def __init__(self, capacity, refill_every):
//!         self._capacity = capacity
//!         self._every = refill_every
//!         self._tokens = capacity
//!         self._until = 0.0
//!         self._lock = threading.Lock()
//!
//!     def try_acquire(self, now):
//!         with self._lock:                        # refill and take together
//!             earned = int(max(0.0, now - self._until) // self._every)
//!             if earned:
//!                 self._tokens = min(self._capacity, self._tokens + earned)
//!                 self._until += earned * self._every
//!             if self._tokens == self._capacity:
//!                 self._until = max(self._until, now)
//!             if self._tokens == 0:
//!                 return False
//!             self._tokens -= 1
//!             return True
//! ```

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
        let mut bucket = self.state.lock();
        let elapsed = now.saturating_sub(bucket.credited_until);
        let earned = (elapsed.as_nanos() / self.refill_every.as_nanos()).min(self.capacity as u128) as u32;
        if earned > 0 {
            bucket.tokens = (bucket.tokens + earned).min(self.capacity);
            bucket.credited_until += self.refill_every * earned;
        }
        if bucket.tokens == self.capacity {
            // Time spent full earns nothing.
            bucket.credited_until = bucket.credited_until.max(now);
        }
        if bucket.tokens == 0 {
            return false;
        }
        bucket.tokens -= 1;
        true
    }
}
