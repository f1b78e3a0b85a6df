//! Retry policies: how many attempts, how long to back off between them
//! (exponential, capped, with full jitter), which failures are worth
//! another attempt, and the pool-wide budget that keeps retries a bounded
//! share of the traffic.
//!
//! A retry is accepted work waiting out its backoff off the queue, in its
//! lane's delayed set: no worker sleeps for it (see `backlog`).

use crate::builder::Builder;
use crate::dead_letter::DeadLetters;
use crate::error::RetryError;
use crate::sync::Backend;
use core::fmt;
use core::time::Duration;

/// Decides whether an error is worth another attempt: a plain function
/// (a closure that captures nothing), so a policy is `Copy` and shares no
/// state between the tasks that use it.
type Classifier<E> = fn(&E) -> bool;

// ANCHOR: retry_policy
/// How a task with a retry policy is retried: at most `attempts` runs in
/// all, the `n`-th retry after a random delay in
/// `[0, min(cap, base * 2^(n-1))]` ("full jitter": retries of many tasks
/// that failed together spread out instead of failing together again).
/// Errors are retried if the classifier says so (by default, every
/// error); a panic only if [`Self::retry_panics`] says so (by default not:
/// a panic is a bug, and a retry only pays it again).
///
/// ```
/// use std::time::Duration;
/// use executor::{RetryError, RetryPolicy};
/// let policy = RetryPolicy::new(4, Duration::from_millis(10), Duration::from_secs(1))?
///     .when(|e: &std::io::Error| e.kind() == std::io::ErrorKind::TimedOut);
/// assert_eq!(policy.attempts(), 4);
/// assert!(matches!(RetryPolicy::<()>::new(0, Duration::ZERO, Duration::ZERO), Err(RetryError::ZeroAttempts)));
/// # Ok::<(), RetryError>(())
/// ```
pub struct RetryPolicy<E> {
    attempts: u32,
    base: Duration,
    cap: Duration,
    panics: bool,
    classify: Classifier<E>,
}
// ANCHOR_END: retry_policy

impl<E> RetryPolicy<E> {
    /// At most `attempts` runs (the first included), backing off from
    /// `base`, doubling, up to `cap`. Zero attempts, or a cap below the
    /// base, is an error.
    pub fn new(attempts: u32, base: Duration, cap: Duration) -> Result<Self, RetryError> {
        if attempts == 0 {
            return Err(RetryError::ZeroAttempts);
        }
        if cap < base {
            return Err(RetryError::CapBelowBase { base, cap });
        }
        Ok(Self {
            attempts,
            base,
            cap,
            panics: false,
            classify: |_| true,
        })
    }

    /// Retries only the errors `classify` accepts; the others are
    /// dead-lettered at once.
    pub fn when(mut self, classify: fn(&E) -> bool) -> Self {
        self.classify = classify;
        self
    }

    /// Whether a panic is retried like a retryable error (default: no).
    pub fn retry_panics(mut self, retry: bool) -> Self {
        self.panics = retry;
        self
    }

    /// The most runs a task gets.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Whether `error` is worth another attempt.
    pub(crate) fn retryable(&self, error: &E) -> bool {
        (self.classify)(error)
    }

    /// Whether a panic is worth another attempt.
    pub(crate) fn retries_panics(&self) -> bool {
        self.panics
    }

    // ANCHOR: full_jitter
    /// The delay before retry `n` (1 for the first retry) of task `seed`:
    /// uniform in `[0, min(cap, base * 2^(n-1))]`. The random draw is a
    /// hash of the task and the attempt, so it is the same in every run of
    /// a model checker, and differs between tasks.
    pub(crate) fn delay(&self, n: u32, seed: u64) -> Duration {
        let doubled = self
            .base
            .saturating_mul(1u32 << (n.saturating_sub(1)).min(31));
        let ceiling = doubled.min(self.cap).as_nanos() as u64;
        if ceiling == 0 {
            return Duration::ZERO;
        }
        let draw = mix(seed ^ u64::from(n).rotate_left(32));
        Duration::from_nanos(draw % (ceiling + 1))
    }
    // ANCHOR_END: full_jitter
}

/// A 64-bit mixing function (the finaliser of SplitMix64): consecutive
/// inputs give unrelated outputs.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl<E> Clone for RetryPolicy<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for RetryPolicy<E> {}

impl<E> fmt::Debug for RetryPolicy<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("attempts", &self.attempts)
            .field("base", &self.base)
            .field("cap", &self.cap)
            .field("panics", &self.panics)
            .finish_non_exhaustive()
    }
}

// ANCHOR: retry_budget
/// The pool-wide cap on retries: each task accepted earns `percent`/100 of
/// a retry, each retry spends one, and the balance never exceeds
/// `reserve` (nor starts above it). So over any stretch, retries are at
/// most `reserve` plus `percent`% of the tasks accepted: when a
/// dependency is down, retries cannot multiply the load on it. A failed
/// attempt the budget cannot pay for is dead-lettered.
///
/// ```
/// use executor::{RetryBudget, RetryError};
/// let budget = RetryBudget::new(10, 5)?; // 10% of traffic, 5 in reserve
/// assert_eq!(RetryBudget::default(), budget);
/// assert!(matches!(RetryBudget::new(0, 0), Err(RetryError::EmptyBudget)));
/// # Ok::<(), RetryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryBudget {
    percent: u32,
    reserve: u32,
}
// ANCHOR_END: retry_budget

impl RetryBudget {
    /// Retries may be `percent`% of the tasks accepted, plus `reserve`
    /// (also the most that may be saved up). A budget that allows no retry
    /// at all is an error.
    pub fn new(percent: u32, reserve: u32) -> Result<Self, RetryError> {
        if percent == 0 && reserve == 0 {
            return Err(RetryError::EmptyBudget);
        }
        Ok(Self { percent, reserve })
    }
}

impl Default for RetryBudget {
    /// 10% of the traffic, and 5 in reserve for a quiet pool.
    fn default() -> Self {
        Self {
            percent: 10,
            reserve: 5,
        }
    }
}

/// A [`RetryBudget`]'s balance, in hundredths of a retry (kept under the
/// pool's lock).
#[derive(Debug)]
pub(crate) struct Budget {
    rule: RetryBudget,
    balance: u64,
}

impl Budget {
    pub(crate) fn new(rule: RetryBudget) -> Self {
        Self {
            rule,
            balance: u64::from(rule.reserve) * 100,
        }
    }

    /// A task was accepted: earn its share.
    pub(crate) fn earn(&mut self) {
        self.earn_for(1);
    }

    /// `tasks` were accepted: earn their shares. The same as `tasks` calls
    /// of [`Self::earn`] (the balance only rises, so capping once at the
    /// end caps as often as capping each time), which lets a fast pool
    /// earn lazily, from its rings' counts, only when a retry asks.
    pub(crate) fn earn_for(&mut self, tasks: u64) {
        let ceiling = u64::from(self.rule.reserve.max(1)) * 100;
        let earned = tasks.saturating_mul(u64::from(self.rule.percent));
        self.balance = self.balance.saturating_add(earned).min(ceiling);
    }

    /// Pays for one retry, if the balance allows.
    pub(crate) fn spend(&mut self) -> bool {
        let paid = self.balance >= 100;
        if paid {
            self.balance -= 100;
        }
        paid
    }
}

// ANCHOR: key_order
/// Partitioned pools: what a key's later tasks do while one of its tasks
/// waits to be retried.
///
/// ```
/// use executor::KeyOrder;
/// assert_eq!(KeyOrder::default(), KeyOrder::Hold);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyOrder {
    /// They wait until it succeeds or is dead-lettered: per-key order
    /// survives retries. The default, because order is what a partitioned
    /// pool is for (a credit must not run before the debit it follows);
    /// the cost is that one failing task stalls its own key for at most
    /// its backoffs (its parked tasks keep their slots in the lane, so a
    /// busy failing key pushes back on its lane, as a hot key does).
    #[default]
    Hold,
    /// They run; the retry runs after them. For keys whose tasks commute.
    Pass,
}
// ANCHOR_END: key_order

/// What the builder fixes about retries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RetrySettings {
    pub(crate) budget: RetryBudget,
    pub(crate) dead_letters: usize,
    pub(crate) key_order: KeyOrder,
}

/// How many dead letters a pool keeps by default (the oldest go first).
pub const DEFAULT_DEAD_LETTERS: usize = 64;

impl Default for RetrySettings {
    fn default() -> Self {
        Self {
            budget: RetryBudget::default(),
            dead_letters: DEFAULT_DEAD_LETTERS,
            key_order: KeyOrder::default(),
        }
    }
}

/// The pool's retry state, under its lock.
pub(crate) struct RetryState {
    pub(crate) budget: Budget,
    pub(crate) dead: DeadLetters,
    pub(crate) key_order: KeyOrder,
}

impl RetryState {
    pub(crate) fn new(settings: RetrySettings) -> Self {
        Self {
            budget: Budget::new(settings.budget),
            dead: DeadLetters::new(settings.dead_letters),
            key_order: settings.key_order,
        }
    }
}

// ANCHOR: retry_settings
impl<B: Backend> Builder<B> {
    /// Caps retries pool-wide (default [`RetryBudget::default`]: 10% of
    /// the tasks accepted, 5 in reserve).
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retries.budget = budget;
        self
    }

    /// How many dead letters the pool keeps, the oldest pushed out first
    /// (default [`DEFAULT_DEAD_LETTERS`]; zero is an error).
    ///
    /// ```
    /// use executor::{BuildError, Executor};
    /// let refused = Executor::builder().dead_letters(0).build();
    /// assert!(matches!(refused, Err(BuildError::ZeroDeadLetters)));
    /// ```
    pub fn dead_letters(mut self, capacity: usize) -> Self {
        self.retries.dead_letters = capacity;
        self
    }

    /// Partitioned pools: whether a key's later tasks wait for a task of
    /// it being retried (default [`KeyOrder::Hold`]).
    pub fn key_order(mut self, order: KeyOrder) -> Self {
        self.retries.key_order = order;
        self
    }
}
// ANCHOR_END: retry_settings

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_jitter_stays_under_the_doubling_cap() {
        let ms = Duration::from_millis;
        let policy = RetryPolicy::<()>::new(10, ms(10), ms(50)).unwrap();
        for seed in 0..200 {
            assert!(policy.delay(1, seed) <= ms(10));
            assert!(policy.delay(2, seed) <= ms(20));
            assert!(policy.delay(9, seed) <= ms(50));
        }
        // Jitter: the draws differ between tasks.
        let draws: std::collections::BTreeSet<_> = (0..50).map(|s| policy.delay(3, s)).collect();
        assert!(draws.len() > 40, "{draws:?}");
    }

    #[test]
    fn the_budget_caps_retries_at_a_share_of_traffic() {
        let mut budget = Budget::new(RetryBudget::new(10, 2).unwrap());
        let mut retries = 0;
        for _ in 0..1000 {
            budget.earn();
            // Every task fails and asks for three retries.
            retries += (0..3).filter(|_| budget.spend()).count();
        }
        assert!(retries <= 2 + 100, "{retries}");
        assert!(retries >= 100, "{retries}");
    }
}
