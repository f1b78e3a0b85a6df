//! `Condvar<B>`: wait takes the guard by value and hands it back.

use super::backend::Backend;
use super::mutex::MutexGuard;
use core::fmt;
use core::time::Duration;

/// A condition variable provided by backend `B`.
///
/// Always wait in a loop that re-checks the condition ([`Self::wait_while`]
/// does it for you): wake-ups may be spurious, and another thread may take
/// what you were woken for first. The shuttle backend injects spurious
/// wake-ups on purpose so that code which forgets this fails its checks.
///
/// ```
/// use executor::sync::{Condvar, Mutex, Std};
/// let ready: Mutex<Std, bool> = Mutex::new(true);
/// let cv: Condvar<Std> = Condvar::new();
/// let guard = cv.wait_while(ready.lock(), |ready| !*ready);
/// assert!(*guard);
/// cv.notify_all();
/// ```
pub struct Condvar<B: Backend> {
    inner: B::Condvar,
}

impl<B: Backend> Condvar<B> {
    /// Creates a condition variable.
    pub fn new() -> Self {
        Self {
            inner: B::condvar(),
        }
    }

    // ANCHOR: wait_by_value
    // ANCHOR: condvar_wait
    /// Releases the lock, blocks until woken, re-acquires the lock.
    #[track_caller]
    pub fn wait<'a, T: Send>(&self, guard: MutexGuard<'a, B, T>) -> MutexGuard<'a, B, T> {
        MutexGuard {
            inner: B::wait(&self.inner, guard.inner),
        }
    }
    // ANCHOR_END: condvar_wait

    // ANCHOR: wait_while
    /// Waits while `condition` holds, re-checking after every wake-up.
    #[track_caller]
    pub fn wait_while<'a, T: Send>(
        &self,
        mut guard: MutexGuard<'a, B, T>,
        mut condition: impl FnMut(&mut T) -> bool,
    ) -> MutexGuard<'a, B, T> {
        while condition(&mut guard) {
            guard = self.wait(guard);
        }
        guard
    }
    // ANCHOR_END: wait_while
    // ANCHOR_END: wait_by_value

    // ANCHOR: wait_while_timeout
    /// Waits while `condition` holds, for at most `timeout` of the
    /// backend's time in all (not per wake-up); the flag is `true` if the
    /// condition still held at the deadline. A zero timeout only checks.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::sync::{Condvar, Mutex, Std};
    /// let (m, cv) = (Mutex::<Std, _>::new(0), Condvar::<Std>::new());
    /// let (guard, timed_out) = cv.wait_while_timeout(m.lock(), Duration::ZERO, |n| *n == 0);
    /// assert!(timed_out && *guard == 0);
    /// ```
    #[track_caller]
    pub fn wait_while_timeout<'a, T: Send>(
        &self,
        mut guard: MutexGuard<'a, B, T>,
        timeout: Duration,
        mut condition: impl FnMut(&mut T) -> bool,
    ) -> (MutexGuard<'a, B, T>, bool) {
        let deadline = B::now().saturating_add(timeout);
        while condition(&mut guard) {
            let now = B::now();
            if now >= deadline {
                return (guard, true);
            }
            guard = self.wait_timeout(guard, deadline - now).0;
        }
        (guard, false)
    }
    // ANCHOR_END: wait_while_timeout

    /// As [`Self::wait`], giving up after `timeout`; the flag is `true` on a
    /// timeout. A timeout is only a latency bound: under the model checkers
    /// it never fires.
    #[track_caller]
    pub fn wait_timeout<'a, T: Send>(
        &self,
        guard: MutexGuard<'a, B, T>,
        timeout: Duration,
    ) -> (MutexGuard<'a, B, T>, bool) {
        let (inner, timed_out) = B::wait_timeout(&self.inner, guard.inner, timeout);
        (MutexGuard { inner }, timed_out)
    }

    /// Wakes one waiter.
    #[track_caller]
    pub fn notify_one(&self) {
        B::notify_one(&self.inner);
    }

    /// Wakes every waiter.
    #[track_caller]
    pub fn notify_all(&self) {
        B::notify_all(&self.inner);
    }
}

impl<B: Backend> Default for Condvar<B> {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Backend> fmt::Debug for Condvar<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Condvar<{}>", B::NAME)
    }
}
