//! Spin, then yield, then park: how a fast pool's thread waits for a
//! condition that other threads make true without taking any lock, and how
//! they wake it only when it really sleeps.
//!
//! A waiter first re-checks its condition a few times while spinning and
//! yielding (the backend says how long: [`Backend::backoff`]), because a
//! busy pool refills its queue within microseconds and sleeping costs a
//! system call on each side. Only then does it announce itself and sleep on
//! a condition variable. A notifier makes the condition true first, then
//! looks for sleepers, and takes the lock only when there is one: in a busy
//! pool nobody sleeps, and waking costs one uncontended atomic.
//!
//! The classic lost wake-up lives between "the waiter checks, finds
//! nothing" and "the waiter sleeps": a notifier that publishes in between,
//! and sees no sleeper yet, wakes nobody. Two things close it:
//! - the waiter announces itself *before* its last check, holding the lock
//!   it sleeps with, and the notifier takes that lock to notify: a notifier
//!   that saw the announcement cannot notify before the waiter sleeps;
//! - each side puts a `SeqCst` fence between its write and its read: the
//!   waiter between its announcement and its last check, the notifier
//!   between its publish and its look at the sleeper count. `SeqCst`
//!   fences are totally ordered: if the waiter's comes first, the
//!   notifier's look sees the announcement; if the notifier's comes first,
//!   the waiter's check sees the publish. Without the fences (acquire and
//!   release only, or even `SeqCst` loads and stores as loom models them),
//!   both reads may see the old values: the store-buffering pattern, and
//!   the zoo's `parking_lost_wakeup`. On x86 the notifier's fence and
//!   load cost about what the `lock`-prefixed instruction of an RMW would,
//!   but leave the count's cache line shared instead of taking it over on
//!   every push.

use crate::sync::{AtomicUsize, Backend, Condvar, Mutex, Ordering, fence};
use core::time::Duration;

// ANCHOR: parking
/// Where threads wait for a condition that lock-free code makes true.
///
/// ```
/// use executor::parking::Parking;
/// use executor::sync::{AtomicBool, Ordering, Std};
/// use std::sync::Arc;
/// let parking = Arc::new(Parking::<Std>::new());
/// let flag = Arc::new(AtomicBool::<Std>::new(false));
/// let (p, f) = (parking.clone(), flag.clone());
/// let setter = std::thread::spawn(move || {
///     f.store(true, Ordering::Release); // make the condition true first,
///     p.wake_one(); // then wake a sleeper, if any
/// });
/// parking.wait_until(|| flag.load(Ordering::Acquire));
/// setter.join().unwrap();
/// ```
pub struct Parking<B: Backend> {
    /// Threads announced to sleep (or about to check once more).
    sleepers: AtomicUsize<B>,
    /// Held from the announcement to the sleep: see the module doc.
    lock: Mutex<B, ()>,
    wakeup: Condvar<B>,
}
// ANCHOR_END: parking

impl<B: Backend> Default for Parking<B> {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Backend> Parking<B> {
    /// Nobody waiting yet.
    pub fn new() -> Self {
        Self {
            sleepers: AtomicUsize::new(0),
            lock: Mutex::new(()),
            wakeup: Condvar::new(),
        }
    }

    // ANCHOR: wait_until
    /// Returns once `ready()` is true. `ready` must be a pure check (it may
    /// run many times) and someone who makes it true must call
    /// [`wake_one`](Self::wake_one) or [`wake_all`](Self::wake_all) after.
    pub fn wait_until(&self, ready: impl FnMut() -> bool) {
        self.park(ready, None);
    }

    /// As [`wait_until`](Self::wait_until), giving up after about
    /// `timeout` of the backend's time; says whether `ready()` held. Under
    /// the model checkers time stands still and the wait ends only on a
    /// wake-up: nothing may depend on the timeout for its correctness.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::parking::Parking;
    /// use executor::sync::Std;
    /// let parking = Parking::<Std>::new();
    /// assert!(!parking.wait_until_for(|| false, Duration::from_millis(1)));
    /// assert!(parking.wait_until_for(|| true, Duration::from_secs(60)));
    /// ```
    pub fn wait_until_for(&self, ready: impl FnMut() -> bool, timeout: Duration) -> bool {
        self.park(ready, Some(B::now().saturating_add(timeout)))
    }

    /// Spins, yields, then sleeps until `ready()`, or until `deadline` on
    /// the backend's clock if there is one.
    fn park(&self, mut ready: impl FnMut() -> bool, deadline: Option<Duration>) -> bool {
        let mut step = 0;
        while !ready() {
            if B::backoff(step) {
                step += 1;
                continue;
            }
            let left = deadline.map(|d| d.saturating_sub(B::now()));
            if left == Some(Duration::ZERO) {
                return false;
            }
            let guard = self.lock.lock();
            // Relaxed: the fence below orders the announcement before the
            // last check; see the module doc.
            self.sleepers.fetch_add(1, Ordering::Relaxed);
            fence::<B>(Ordering::SeqCst);
            let guard = match left {
                _ if ready() => guard,
                // Woken by a notify or spuriously: the loop checks again.
                None => self.wakeup.wait(guard),
                Some(left) => self.wakeup.wait_timeout(guard, left).0,
            };
            // Relaxed: the count is a hint for notifiers; a stale high value
            // costs a needless notify, never a missed one (a thread that
            // sleeps again announces itself again).
            self.sleepers.fetch_sub(1, Ordering::Relaxed);
            drop(guard);
        }
        true
    }
    // ANCHOR_END: wait_until

    // ANCHOR: wake_one
    /// Wakes one sleeper, if any. Call it after making a waiter's condition
    /// true.
    ///
    /// ```
    /// use executor::parking::Parking;
    /// use executor::sync::Std;
    /// Parking::<Std>::new().wake_one(); // nobody sleeps: one fence and a load
    /// ```
    pub fn wake_one(&self) {
        if self.has_sleepers() {
            let _guard = self.lock.lock();
            self.wakeup.notify_one();
        }
    }

    /// Wakes every sleeper (closing, for one).
    ///
    /// ```
    /// use executor::parking::Parking;
    /// use executor::sync::Std;
    /// Parking::<Std>::new().wake_all();
    /// ```
    pub fn wake_all(&self) {
        if self.has_sleepers() {
            let _guard = self.lock.lock();
            self.wakeup.notify_all();
        }
    }

    /// Whether anyone announced itself, asked after what the caller made
    /// true.
    fn has_sleepers(&self) -> bool {
        // SeqCst fence: orders the caller's publish before the look below,
        // against the waiter's fence (see the module doc).
        fence::<B>(Ordering::SeqCst);
        // Relaxed: the fence does the ordering.
        self.sleepers.load(Ordering::Relaxed) != 0
    }
    // ANCHOR_END: wake_one
}
