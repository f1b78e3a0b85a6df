//! Grades `connection_pool`: borrowers record which connection they hold
//! (an `Occupancy` per connection id), so the whole run is checked, not
//! one outcome.

use super::answer::{Pool, Timeout};
use exercises::prelude::*;
use exercises::trace_check::Occupancy;

/// Long enough never to fire on real threads in a correct run; the
/// checkers never fire timeouts at all.
const PATIENT: Duration = Duration::from_secs(3);

/// Borrows a connection (woken by a release, not by the timeout), holds
/// it while recording that it is in use, and gives it back.
fn borrow<B: Backend>(pool: &Pool<B>, in_use: &[Occupancy<B>]) {
    let asked = B::now();
    let conn = pool
        .acquire_timeout(PATIENT)
        .expect("a waiter timed out although connections were being released");
    // On real threads, a connection got only as the timeout ran out means
    // the release woke nobody (the checkers never let time pass: there
    // such a waiter sleeps on, and the deadlock is reported).
    assert!(
        B::now() - asked < PATIENT,
        "a waiter got its connection only when its {PATIENT:?} timeout ran out: releasing one must wake a waiter"
    );
    let id = conn.id();
    assert!(id < in_use.len(), "connection id {id} does not exist (pool of {})", in_use.len());
    let holders = in_use[id].enter();
    assert_eq!(holders, 1, "connection {id} was handed to {holders} callers at once");
    yield_now::<B>();
    in_use[id].leave();
    pool.release(conn);
}

/// Runs `borrowers` borrowers (the caller and `borrowers - 1` threads) on a
/// pool of `size`.
fn borrowers<B: Backend>(size: usize, borrowers: usize) {
    let pool = Arc::<B, _>::new(Pool::<B>::new(size));
    let in_use = Arc::<B, _>::new((0..size).map(|_| Occupancy::<B>::new()).collect::<Vec<_>>());
    let threads: Vec<_> = (1..borrowers)
        .map(|i| {
            let (pool, in_use) = (pool.clone(), in_use.clone());
            spawn::<B, _>(format!("borrower-{i}"), move || borrow(&pool, &in_use))
        })
        .collect();
    borrow(&pool, &in_use);
    threads.into_iter().for_each(join);
}

/// Guarantee: two callers borrowing from a pool of two never get the same
/// connection.
fn never_shared<B: Backend>() {
    borrowers::<B>(2, 2);
}

/// Guarantee: with one connection and two callers, the one that has to
/// wait gets the connection once the other releases it.
fn waiter_gets_released_connection<B: Backend>() {
    borrowers::<B>(1, 2);
}

/// Guarantee: when nothing is released, `acquire_timeout` gives up with
/// `Err(Timeout)`. Checked on real threads only: the model checkers never
/// let time pass, so no timeout fires there, and under them the second
/// thread waits for the release instead.
fn times_out_when_all_are_taken<B: Backend>() {
    let pool = Arc::<B, _>::new(Pool::<B>::new(1));
    let held = pool.acquire_timeout(PATIENT).expect("a new pool of one has a free connection");
    let p = pool.clone();
    if B::NAME == "std" {
        let impatient = spawn::<B, _>("impatient", move || {
            p.acquire_timeout(Duration::from_millis(2)).map(|c| c.id())
        });
        let result = join(impatient);
        assert_eq!(result, Err(Timeout), "the only connection was held for the whole 2 ms wait");
        pool.release(held);
    } else {
        let patient = spawn::<B, _>("patient", move || {
            let conn = p.acquire_timeout(PATIENT).expect("the held connection is released");
            p.release(conn);
        });
        pool.release(held);
        join(patient);
    }
}

exercises::suite! {
    exercise: "connection_pool",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [never_shared, waiter_gets_released_connection, times_out_when_all_are_taken],
}
