//! Wrong: the refill is computed in one lock section and added in another.
//! Two callers at the same `now` both read the old `credited_until`, both
//! work out "one token earned", and both add it: one period's refill is
//! credited twice, and both get a token that only one of them earned.

use exercises::prelude::*;

struct Bucket {
    tokens: u32,
    credited_until: Duration,
}

pub struct TokenBucket<B: Backend> {
    capacity: u32,
    refill_every: Duration,
    state: Mutex<B, Bucket>,
}

impl<B: Backend> TokenBucket<B> {
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


    fn earned_since_last(&self, now: Duration) -> u32 {
        let bucket = self.state.lock();
        let elapsed = now.saturating_sub(bucket.credited_until);
        (elapsed.as_nanos() / self.refill_every.as_nanos()).min(self.capacity as u128) as u32
    }

    pub fn try_acquire(&self, now: Duration) -> bool {
        let earned = self.earned_since_last(now);
        let mut bucket = self.state.lock();
        if earned > 0 {
            bucket.tokens = (bucket.tokens + earned).min(self.capacity);
            bucket.credited_until = now;
        }
        if bucket.tokens == 0 {
            return false;
        }
        bucket.tokens -= 1;
        true
    }
}
