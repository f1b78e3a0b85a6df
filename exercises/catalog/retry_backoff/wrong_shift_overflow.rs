//! Wrong: base << attempt, then the cap. At large attempts the shift pushes
//! the bits out (the ceiling drops back towards 0: no backoff at all) and
//! from attempt 64 the shift overflows and panics.

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
        (self.base_ms << attempt).min(self.cap_ms)
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
