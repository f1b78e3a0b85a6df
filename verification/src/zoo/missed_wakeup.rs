//! **Missed wake-up.** The waiter checks a flag outside the lock and then
//! waits; the setter sets the flag and notifies without taking the lock. A
//! condition variable remembers nothing: a notify with nobody waiting is
//! lost.
//!
//! The interleaving: the waiter reads the flag, false; the setter sets it
//! and notifies, and nobody is waiting yet; the waiter locks and waits for a
//! notify that has already come and gone. It sleeps forever (and never
//! joins the setter). It needs one preemption between the waiter's check and
//! its wait, so every model checker finds it at once; real threads find it
//! rarely, because the window is a few nanoseconds wide.
//!
//! Main is the waiter on purpose: with a spawned waiter the program has so
//! few scheduling points that shuttle's PCT scheduler (depth 3) puts a
//! priority change at every one of them, alternates the two threads
//! strictly, and never produces this schedule.
//!
//! The fix: the flag lives inside the mutex the condition variable waits
//! with. The setter changes it under the lock, the waiter checks it under
//! the lock and re-checks after every wake-up (`wait_while`): the check and
//! the wait are then one step for the setter, which cannot come between
//! them.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicBool, Backend, Condvar, Mutex, Ordering, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "missed_wakeup",
    summary: "a flag checked outside the lock lets the notify land before the wait",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads hit the nanosecond window between the check and the wait only \
                  by luck (about once in 10,000 runs here)",
    spurious: false,
};

// ANCHOR: broken
/// What the waiter and the setter share in the broken program.
struct Broken<B: Backend> {
    ready: AtomicBool<B>,
    lock: Mutex<B, ()>,
    cv: Condvar<B>,
}

/// Main waits until thread "setter" has set the flag, then joins it.
pub fn broken<B: Backend>() {
    let shared = Arc::<B, _>::new(Broken::<B> {
        ready: AtomicBool::new(false),
        lock: Mutex::new(()),
        cv: Condvar::new(),
    });
    let other = shared.clone();
    let setter = thread::spawn::<B, _, _>("setter".into(), move || {
        // Release: publishes the flag to the waiter's Acquire load.
        other.ready.store(true, Ordering::Release);
        other.cv.notify_one();
    })
    .unwrap();
    // Acquire: pairs with the setter's Release (the bug is the unlocked check).
    if !shared.ready.load(Ordering::Acquire) {
        // The setter can set the flag and notify right here, before we
        // wait: that notify is lost.
        let guard = shared.lock.lock();
        let _guard = shared.cv.wait(guard);
    }
    setter.join().unwrap();
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// What the waiter and the setter share in the fixed program.
struct Fixed<B: Backend> {
    ready: Mutex<B, bool>,
    cv: Condvar<B>,
}

/// The same scenario, with the flag inside the mutex.
pub fn fixed<B: Backend>() {
    let shared = Arc::<B, _>::new(Fixed::<B> {
        ready: Mutex::new(false),
        cv: Condvar::new(),
    });
    let other = shared.clone();
    let setter = thread::spawn::<B, _, _>("setter".into(), move || {
        *other.ready.lock() = true;
        other.cv.notify_one();
    })
    .unwrap();
    let ready = shared.cv.wait_while(shared.ready.lock(), |ready| !*ready);
    assert!(*ready);
    drop(ready);
    setter.join().unwrap();
}
// ANCHOR_END: fixed
