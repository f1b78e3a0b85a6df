//! Grades `lease_lock`: two clients on two threads, one of them paused
//! while the scenario moves the store's clock past its lease.

use super::answer::LeaseStore;
use exercises::prelude::*;

/// The lease's length, in ticks of the store's clock.
const TTL: u64 = 10;

/// A store whose lease client 1 holds from time 0, and client 1's token.
fn held_by_client_1<B: Backend>() -> (Arc<B, LeaseStore<B>>, u64) {
    let store = Arc::<B, _>::new(LeaseStore::<B>::new());
    let token = store
        .try_acquire(1, TTL, 0)
        .expect("the first acquire on an empty store must succeed");
    (store, token)
}

/// Guarantee: once the new holder has written, a write from a holder
/// whose lease expired during its pause is rejected; the holder itself
/// may write again with its token.
fn paused_holder_is_fenced_off<B: Backend>() {
    let (store, token_1) = held_by_client_1::<B>();
    let s = store.clone();
    // Client 1 is paused here; it wakes up and writes, still believing it holds the lease.
    let paused = spawn::<B, _>("client-1-paused", move || s.write(1, token_1));
    store.advance(TTL + 5);
    let token_2 = store
        .try_acquire(2, TTL, 15)
        .expect("client 1's lease expired on the store's clock: client 2 must get it");
    assert!(token_2 > token_1, "tokens must grow with every grant: {token_1} then {token_2}");
    assert_eq!(store.write(2, token_2), Ok(()), "the current holder's write must be accepted");
    let late = join(paused);
    match store.accepted().as_slice() {
        [(2, _)] => assert!(late.is_err(), "client 1's write was neither accepted nor rejected"),
        [(1, _), (2, _)] => assert_eq!(late, Ok(()), "client 1 wrote before any newer token was seen: accepted"),
        other => panic!(
            "client 1 (token {token_1}) wrote after client 2 (token {token_2}): it must be fenced off; accepted writes {other:?}"
        ),
    }
    assert_eq!(store.write(2, token_2), Ok(()), "the holder may write again with its own token");
}

/// Guarantee: a holder whose lease expired cannot release the lease that
/// now belongs to another client; the owner can release its own.
fn release_checks_the_owner<B: Backend>() {
    let (store, token_1) = held_by_client_1::<B>();
    let s = store.clone();
    // Client 1 wakes from its pause and releases the lock it thinks it holds.
    let paused = spawn::<B, _>("client-1-paused", move || s.release(1, token_1));
    store.advance(TTL + 5);
    let token_2 = store
        .try_acquire(2, TTL, 15)
        .expect("client 1's lease expired (or was released): client 2 must get it");
    join(paused);
    assert_eq!(
        store.try_acquire(3, TTL, 15),
        None,
        "client 2's lease is live, yet client 3 got one: client 1's late release deleted client 2's lease"
    );
    assert!(store.release(2, token_2), "the owner must be able to release its lease");
    let token_3 = store.try_acquire(3, TTL, 15).expect("the lease was released: client 3 must get it");
    assert!(!store.release(2, token_2), "client 2 released client 3's lease");
    assert!(store.release(3, token_3), "the owner must be able to release its lease");
}

/// Guarantee: leases live and expire on the store's clock: a client whose
/// clock runs far ahead gets no live lease, and expiry comes exactly `TTL`
/// store ticks after the grant.
fn lease_runs_on_the_store_clock<B: Backend>() {
    let store = Arc::<B, _>::new(LeaseStore::<B>::new());
    let s = store.clone();
    let ahead = spawn::<B, _>("client-2-clock-ahead", move || s.try_acquire(2, TTL, 1_000));
    let mine = store.try_acquire(1, TTL, 0);
    let theirs = join(ahead);
    assert!(
        mine.is_some() != theirs.is_some(),
        "no store time passed: exactly one of two clients may hold the lease; got tokens {mine:?} and {theirs:?}"
    );
    store.advance(TTL - 1);
    assert_eq!(store.try_acquire(3, TTL, 0), None, "the lease has one store tick left");
    store.advance(1);
    assert!(
        store.try_acquire(3, TTL, 0).is_some(),
        "the lease expired {TTL} ticks after its grant on the store's clock"
    );
}

exercises::suite! {
    exercise: "lease_lock",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [paused_holder_is_fenced_off, release_checks_the_owner, lease_runs_on_the_store_clock],
}
