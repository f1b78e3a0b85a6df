//! # Peterson's lock: a Relaxed swap
//!
//! The swaps on `turn` still land in one order, but a `Relaxed` swap
//! synchronises nothing: the thread whose swap comes second need not see
//! the first's flag, reads it as down, and both enter.

use exercises::prelude::*;

/// A two-thread lock from two flags and a turn.
pub struct Peterson<B: Backend> {
    /// `interested[i]`: thread `i` wants the lock or holds it.
    interested: [AtomicBool<B>; 2],
    /// The thread that named itself last, and so waits if both want in.
    turn: AtomicUsize<B>,
}

impl<B: Backend> Peterson<B> {
    /// A free lock.
    pub fn new() -> Self {
        Self {
            interested: [AtomicBool::new(false), AtomicBool::new(false)],
            turn: AtomicUsize::new(0),
        }
    }

    /// Waits until thread `me` (0 or 1) may enter.
    pub fn lock(&self, me: usize) {
        let other = 1 - me;
        // Relaxed: the swap below publishes it (it is sequenced before a
        // Release), and the flag carries nothing else.
        self.interested[me].store(true, Ordering::Relaxed);
        // AcqRel swap: the two threads' swaps on `turn` land in one order,
        // each reading the value the other wrote. Release publishes our
        // flag to the thread whose swap comes second; Acquire lets the
        // second see the first's flag. A plain store here (even Release)
        // is the store-buffering bug: nothing orders it before our load of
        // the other's flag.
        self.turn.swap(me, Ordering::Relaxed);
        // Acquire, both: we enter either on the other's flag down (its
        // `unlock`, Release) or on `turn` naming the other (its swap,
        // Release), and either store must carry the other's last critical
        // section to us. Entering on a Relaxed `turn` would skip that: the
        // other's previous increment could still be invisible.
        while self.interested[other].load(Ordering::Acquire)
            && self.turn.load(Ordering::Acquire) == me
        {
            yield_now::<B>(); // the other is inside or ahead: let it run
        }
    }

    /// Leaves: the other thread may enter.
    pub fn unlock(&self, me: usize) {
        // Release: publishes our critical section to the other's Acquire
        // load of this flag.
        self.interested[me].store(false, Ordering::Release);
    }
}
