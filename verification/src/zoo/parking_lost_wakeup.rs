//! **Lost wake-up of spin-then-park.** A waiter that found nothing
//! announces itself as a sleeper (holding the lock it sleeps with), looks
//! at the flag once more, and sleeps. The notifier sets the flag, then
//! loads the sleeper count and notifies only if it is non-zero: the "wake
//! only sleepers" shortcut every fast queue takes.
//!
//! What goes wrong is not an interleaving but a store buffer. The waiter's
//! announcement is a write to the count followed by a read of the flag; the
//! notifier's publish is a write to the flag followed by a read of the
//! count. With acquire and release orderings (and even with `SeqCst` loads
//! and stores, as loom models them), both reads may see the old values: the
//! waiter sees no flag, the notifier sees no sleeper, and the waiter sleeps
//! forever. On x86, whose store buffer lets a load pass an earlier store to
//! another address, this really happens, rarely.
//!
//! The fix (the executor's `Parking`): a `SeqCst` fence on each side,
//! between the write and the read. `SeqCst` fences are totally ordered:
//! whichever comes second, its side's read sees the other side's write.

use super::{Bug, Checker, program};
use executor::sync::{
    Arc, AtomicBool, AtomicUsize, Backend, Condvar, Mutex, Ordering, fence, thread,
};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "parking_lost_wakeup",
    summary: "without a fence between publish and look, notifier and sleeper can miss each other",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: &[Checker::Loom],
    blind_spots: "shuttle runs every atomic sequentially consistently, so one of the two \
                  reads always sees the other side's write; real threads need the store \
                  buffer to delay one write past the other side's read, a window of nanoseconds",
    spurious: false,
};

// ANCHOR: setup
/// A flag to wait for, and a place to park until it is set.
struct Parking<B: Backend> {
    flag: AtomicBool<B>,
    sleepers: AtomicUsize<B>,
    lock: Mutex<B, ()>,
    wakeup: Condvar<B>,
}

/// Main parks until thread "setter" sets the flag; the setter puts a
/// `SeqCst` fence between its publish and its look for a sleeper if
/// `fenced`.
fn run<B: Backend>(fenced: bool) {
    let parking = Arc::<B, _>::new(Parking::<B> {
        flag: AtomicBool::new(false),
        sleepers: AtomicUsize::new(0),
        lock: Mutex::new(()),
        wakeup: Condvar::new(),
    });
    let setter = {
        let parking = parking.clone();
        thread::spawn::<B, _, _>("setter".into(), move || {
            // Release: publishes the flag to the waiter's Acquire load.
            parking.flag.store(true, Ordering::Release);
            if fenced {
                fence::<B>(Ordering::SeqCst);
            }
            // Relaxed: only the fence can order this look after the publish.
            if parking.sleepers.load(Ordering::Relaxed) != 0 {
                let _guard = parking.lock.lock();
                parking.wakeup.notify_one();
            }
        })
        .unwrap()
    };
    // Acquire: pairs with the setter's Release.
    while !parking.flag.load(Ordering::Acquire) {
        let guard = parking.lock.lock();
        // Relaxed, then a fence: the announcement, ordered before the look.
        parking.sleepers.fetch_add(1, Ordering::Relaxed);
        fence::<B>(Ordering::SeqCst);
        // Acquire: the last look before sleeping.
        let guard = if parking.flag.load(Ordering::Acquire) {
            guard
        } else {
            parking.wakeup.wait(guard)
        };
        // Relaxed: the count is a hint.
        parking.sleepers.fetch_sub(1, Ordering::Relaxed);
        drop(guard);
    }
    setter.join().unwrap();
}
// ANCHOR_END: setup

// ANCHOR: broken
/// The setter looks for sleepers right after its publish, with no fence.
pub fn broken<B: Backend>() {
    run::<B>(false);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// A `SeqCst` fence between the publish and the look, as the waiter has
/// between its announcement and its last check.
pub fn fixed<B: Backend>() {
    run::<B>(true);
}
// ANCHOR_END: fixed
