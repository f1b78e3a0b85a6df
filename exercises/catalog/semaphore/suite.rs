//! Grades `semaphore` by trace validity: an `Occupancy` counts the threads
//! holding a permit at every moment. Spurious wake-ups are injected.

use super::answer::Semaphore;
use exercises::prelude::*;
use exercises::trace_check::Occupancy;

/// One visit: acquire, enter, leave, release. (The occupancy counter's own
/// lock gives the checkers room to switch threads while inside.)
fn visit<B: Backend>(sem: &Semaphore<B>, room: &Occupancy<B>, permits: usize) {
    sem.acquire();
    let inside = room.enter();
    assert!(
        inside <= permits,
        "{inside} threads hold a permit at once, but the semaphore has only {permits}"
    );
    room.leave();
    sem.release();
}

/// Guarantee: never more holders than permits. One permit and two
/// threads keep the model small for loom; `every_waiter_gets_through`
/// exercises two permits.
fn never_more_than_n_inside<B: Backend>() {
    let sem = Arc::<B, _>::new(Semaphore::<B>::new(1));
    let room = Arc::<B, _>::new(Occupancy::<B>::new());
    let (sem2, room2) = (sem.clone(), room.clone());
    let worker = spawn::<B, _>("worker", move || visit(&sem2, &room2, 1));
    visit(&sem, &room, 1);
    join(worker);
    assert_eq!(room.max(), 1, "the one permit was never held");
}

/// Guarantee: two racing `try_acquire`s for the last permit: exactly one
/// wins, and neither blocks.
fn try_acquire_takes_only_free_permits<B: Backend>() {
    let sem = Arc::<B, _>::new(Semaphore::<B>::new(1));
    let other = sem.clone();
    let t = spawn::<B, _>("racer", move || other.try_acquire());
    let mine = sem.try_acquire();
    let theirs = join(t);
    assert!(
        mine ^ theirs,
        "one permit, two try_acquire calls: exactly one may succeed (got {mine} and {theirs})"
    );
    sem.release();
    assert!(sem.try_acquire(), "try_acquire failed although the permit was released");
}

/// Guarantee: a thread blocked in `acquire` gets the permit once it is
/// released (a deadlock here means `release` woke nobody).
fn release_wakes_a_waiter<B: Backend>() {
    let sem = Arc::<B, _>::new(Semaphore::<B>::new(1));
    sem.acquire();
    let other = sem.clone();
    let waiter = spawn::<B, _>("waiter", move || {
        other.acquire();
        other.release();
    });
    sem.release();
    join(waiter);
}

/// Guarantee: with both permits held and two threads waiting, two releases
/// let both waiters in (a deadlock here means a release woke nobody
/// although a thread was waiting).
fn every_waiter_gets_through<B: Backend>() {
    let sem = Arc::<B, _>::new(Semaphore::<B>::new(2));
    sem.acquire();
    sem.acquire();
    let waiters: Vec<_> = (0..2)
        .map(|i| {
            let sem = sem.clone();
            spawn::<B, _>(format!("waiter-{i}"), move || sem.acquire())
        })
        .collect();
    sem.release();
    sem.release();
    waiters.into_iter().for_each(join);
}

exercises::suite! {
    exercise: "semaphore",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [
        never_more_than_n_inside,
        try_acquire_takes_only_free_permits,
        release_wakes_a_waiter,
        every_waiter_gets_through,
    ],
}
