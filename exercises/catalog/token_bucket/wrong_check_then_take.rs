//! Wrong: check, then take. The caller refills and reads how many tokens
//! there are under the lock, releases it, and writes back "that many minus
//! one". Two callers who both saw one token both write zero and both get
//! a grant: one token, two requests through.

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


    fn refill_and_count(&self, now: Duration) -> u32 {
        let mut bucket = self.state.lock();
        let elapsed = now.saturating_sub(bucket.credited_until);
        let earned = (elapsed.as_nanos() / self.refill_every.as_nanos()).min(self.capacity as u128) as u32;
        if earned > 0 {
            bucket.tokens = (bucket.tokens + earned).min(self.capacity);
            bucket.credited_until += self.refill_every * earned;
        }
        if bucket.tokens == self.capacity {
            bucket.credited_until = bucket.credited_until.max(now);
        }
        bucket.tokens
    }

    pub fn try_acquire(&self, now: Duration) -> bool {
        let available = self.refill_and_count(now);
        if available == 0 {
            return false;
        }
        self.state.lock().tokens = available - 1;
        true
    }
}
