//! **Relaxed publication.** A writer fills in some plain data, then sets a
//! `ready` flag; a reader that sees the flag reads the data. With `Relaxed`
//! on the flag, seeing `ready == true` says nothing about the data: a
//! `Relaxed` store orders no earlier write, a `Relaxed` load no later read,
//! so the reader may read the data before the write to it is visible (on a
//! weakly ordered CPU such as ARM, or after the compiler moves the plain
//! write past the flag). That is a data race: undefined behaviour.
//!
//! The interleaving: the publisher writes the data, then stores `ready`;
//! the reader loads `ready`, sees `true`, reads the data. In program order
//! that is fine; the bug is that nothing makes the data write *happen
//! before* the data read. loom models the C11 memory model and tracks every
//! `UnsafeCell` access, so it reports the unsynchronised read (a causality
//! violation) in the first execution where the reader sees the flag.
//!
//! The fix: a `Release` store of the flag and an `Acquire` load of it. An
//! acquire load that reads the value of a release store synchronises with
//! it: everything written before the store is visible after the load.

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicBool, Backend, Ordering, UnsafeCell, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "relaxed_publish",
    summary: "data published behind a Relaxed flag is read without synchronisation",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: &[Checker::Loom],
    blind_spots: "shuttle's atomics are sequentially consistent and its UnsafeCell is a \
                  plain cell, so every read it schedules sees the write; real x86 threads are \
                  TSO (stores are not reordered with stores, nor loads with loads), so the \
                  stale read almost never shows on the machines CI runs on",
    spurious: false,
};

// ANCHOR: setup
/// The value the publisher writes.
const DATA: u64 = 42;

struct Slot<B: Backend> {
    /// Plain data, written once by the publisher before `ready` is set.
    data: UnsafeCell<B, u64>,
    /// Set once the data is written.
    ready: AtomicBool<B>,
}

// SAFETY: `data` is written only by the publisher, once, before it sets
// `ready`, and read only by a thread that has seen `ready` set: sound when
// the flag's store releases and its load acquires. The broken twin breaks
// exactly this promise, and loom reports the race it causes.
unsafe impl<B: Backend> Sync for Slot<B> {}
// SAFETY: a `u64` and an atomic flag may move to another thread.
unsafe impl<B: Backend> Send for Slot<B> {}

fn run<B: Backend>(publish: Ordering, observe: Ordering) {
    let slot = Arc::<B, _>::new(Slot::<B> {
        data: UnsafeCell::new(0),
        ready: AtomicBool::new(false),
    });
    let publisher = slot.clone();
    let t = thread::spawn::<B, _, _>("publisher".into(), move || {
        // SAFETY: nobody reads the data before `ready` is set (see `Slot`).
        publisher.data.with_mut(|p| unsafe { *p = DATA });
        // `publish`: Relaxed in the broken twin, Release in the fixed one.
        publisher.ready.store(true, publish);
    })
    .unwrap();
    // One look, not a spin: loom explores both outcomes of this load.
    // `observe`: Relaxed in the broken twin, Acquire in the fixed one.
    if slot.ready.load(observe) {
        // SAFETY: `ready` is set, so the publisher has finished writing.
        let seen = slot.data.with(|p| unsafe { *p });
        assert_eq!(seen, DATA, "saw `ready` but not the data");
    }
    t.join().unwrap();
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Sets and reads the flag with `Relaxed`: the data is not published.
pub fn broken<B: Backend>() {
    // Relaxed, Relaxed: the bug; neither side orders the data access.
    run::<B>(Ordering::Relaxed, Ordering::Relaxed);
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// A `Release` store paired with an `Acquire` load.
pub fn fixed<B: Backend>() {
    // Release, Acquire: the data write happens before the data read.
    run::<B>(Ordering::Release, Ordering::Acquire);
}
// ANCHOR_END: fixed
