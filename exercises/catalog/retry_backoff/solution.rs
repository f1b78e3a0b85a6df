//! # Retries: reference solution
//!
//! `ceiling_ms` never computes a number bigger than the cap: it stops
//! doubling as soon as the cap is reached (and `checked_shl` plus
//! `saturating_mul` keep even `attempt = 1000` from overflowing). Full
//! jitter is one modulo. The budget is one atomic counter of hundredths;
//! both updates are compare-and-swap loops that compute the new value from
//! the value they saw and write it only if nobody changed it meanwhile, so
//! two threads cannot both take the last retry, and a refill never lifts
//! the budget above its maximum.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Backoff:
//!     def __init__(self, base_ms, cap_ms):
//!         self.base_ms, self.cap_ms = base_ms, cap_ms
//!
//!     def ceiling_ms(self, attempt):
//!         # Python ints do not overflow, but 2**10**9 is slow: cap the exponent
//!         return min(self.cap_ms, self.base_ms * 2 ** min(attempt, 64))
//!
//!     def delay_ms(self, attempt, random):
//!         return random % (self.ceiling_ms(attempt) + 1)
//!
//! class RetryBudget:
//!     def __init__(self, percent, reserve):
//!         self._lock = threading.Lock()
//!         self._percent = percent
//!         self._max = self._tokens = reserve * 100
//!
//!     def record_request(self):
//!         with self._lock:
//!             self._tokens = min(self._max, self._tokens + self._percent)
//!
//!     def try_spend_retry(self):
//!         with self._lock:                  # check and spend in one step
//!             if self._tokens < 100:
//!                 return False
//!             self._tokens -= 100
//!             return True
//!
//!     def available(self):
//!         with self._lock:
//!             return self._tokens // 100
//! ```

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
        let factor = 1u64.checked_shl(attempt).unwrap_or(u64::MAX);
        self.base_ms.saturating_mul(factor).min(self.cap_ms)
    }

    /// The wait before retry `attempt`, given a random number.
    pub fn delay_ms(&self, attempt: u32, random: u64) -> u64 {
        // ceiling <= cap < u64::MAX in practice; saturate to be safe.
        random % self.ceiling_ms(attempt).saturating_add(1)
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
        Self {
            tokens: AtomicU64::new(reserve * 100),
            percent,
            max: reserve * 100,
        }
    }

    /// A request went out: earn `percent` hundredths of a retry.
    pub fn record_request(&self) {
        // Relaxed everywhere: the counter guards no other data, and each
        // compare-and-swap is atomic whatever the ordering.
        let mut seen = self.tokens.load(Ordering::Relaxed);
        loop {
            let new = (seen + self.percent).min(self.max);
            match self.tokens.compare_exchange(seen, new, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return,
                Err(actual) => seen = actual,
            }
        }
    }

    /// Takes one retry if available; whether it did.
    pub fn try_spend_retry(&self) -> bool {
        // Relaxed: as above.
        let mut seen = self.tokens.load(Ordering::Relaxed);
        while seen >= 100 {
            match self.tokens.compare_exchange(seen, seen - 100, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return true,
                Err(actual) => seen = actual,
            }
        }
        false
    }

    /// Whole retries available now.
    pub fn available(&self) -> u64 {
        // Relaxed: a momentary reading, nothing is published through it.
        self.tokens.load(Ordering::Relaxed) / 100
    }
}
