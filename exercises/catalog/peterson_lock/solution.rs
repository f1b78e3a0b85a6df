//! # Peterson's lock: reference solution
//!
//! Raise our flag, then swap ourselves into `turn`, then wait while the
//! other is interested and we are still the one named last.
//!
//! Why it holds: the two `turn` swaps are read-modify-writes on one
//! location, so they happen in a single order and the second reads the
//! first's value. With `AcqRel`, the second swap synchronises with the
//! first: the first thread's flag (stored before its swap) is visible to
//! the second, which then sees the flag up and `turn` naming itself, and
//! waits. The first may enter at once. Whichever order the swaps take,
//! the thread that swapped second waits until the first unlocks (its flag
//! goes down, with `Release`, read with `Acquire`) and the counter it
//! wrote comes along.
//!
//! A thread can also enter because `turn` names the other: the other
//! swapped after it, and may have just left a critical section of its
//! own before raising its flag again. That `turn` load must be `Acquire`
//! too, reading the other's swap (`Release`), or the counter from that
//! earlier critical section may not have arrived: loom finds this one in
//! a three-entry run, where the thread entering on `turn` loads the
//! counter from before the other's last increment.
//!
//! The textbook version stores `turn` and makes all four accesses
//! `SeqCst`: a single total order over the stores and loads forbids store
//! buffering. That is also correct in Rust, and the reason the lesson is
//! called "why SeqCst". loom, though, models `SeqCst` loads and stores as
//! `AcqRel` (its documented limitation), so it would reject that correct
//! program; a `SeqCst` *fence* between the stores and the loads it models
//! exactly, and the swap used here needs neither.
//!
//! ## In Python 3.8
//! CPython's GIL makes each bytecode atomic and orders every access, so
//! the algorithm can be written as is; it still spins, so a real program
//! takes a `threading.Lock`:
//! ```python
//! import time
//!
//! class Peterson:
//!     def __init__(self):
//!         self.interested = [False, False]
//!         self.turn = 0
//!
//!     def lock(self, me):
//!         other = 1 - me
//!         self.interested[me] = True
//!         self.turn = me
//!         while self.interested[other] and self.turn == me:
//!             time.sleep(0)   # yield
//!
//!     def unlock(self, me):
//!         self.interested[me] = False
//! ```

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
        self.turn.swap(me, Ordering::AcqRel);
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
