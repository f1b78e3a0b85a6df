//! Grades `reusable_barrier`: threads meet at one barrier several rounds
//! in a row; the trace must show every round's arrivals before any of its
//! departures.
//!
//! Two parties only: three parties made loom's search (with a spurious
//! wake-up tried at each wait) ten times longer for no bug that two
//! parties miss. The parties count is a plain argument, so nothing in
//! the barrier depends on it being 2.

use super::answer::Barrier;
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Thread `.0` is about to wait in round `.1`.
    Arrive(usize, usize),
    /// Thread `.0` has left the barrier of round `.1`.
    Leave(usize, usize),
}

/// One party: `rounds` rounds of arrive, wait, leave.
fn party<B: Backend>(barrier: &Barrier<B>, events: &Events<B, Step>, me: usize, rounds: usize) {
    for round in 0..rounds {
        events.push(Step::Arrive(me, round));
        barrier.wait();
        events.push(Step::Leave(me, round));
    }
}

/// `parties` threads (one of them the caller) go through `rounds` rounds;
/// checks that nobody left a round before everyone had arrived in it.
fn run<B: Backend>(parties: usize, rounds: usize) {
    let barrier = Arc::<B, _>::new(Barrier::<B>::new(parties));
    let events = Events::<B, Step>::shared();
    let handles: Vec<_> = (1..parties)
        .map(|me| {
            let (barrier, events) = (barrier.clone(), events.clone());
            spawn::<B, _>(format!("party-{me}"), move || party(&barrier, &events, me, rounds))
        })
        .collect();
    party(&barrier, &events, 0, rounds);
    handles.into_iter().for_each(join);

    let seen = events.entries();
    let mut arrived = vec![0; rounds];
    for step in &seen {
        match *step {
            Step::Arrive(_, round) => arrived[round] += 1,
            Step::Leave(who, round) => assert_eq!(
                arrived[round], parties,
                "party-{who} left round {round} when only {} of {parties} had arrived (trace: {seen:?})",
                arrived[round]
            ),
        }
    }
}

/// Guarantee: two threads, three rounds: the round count keeps going
/// past the first reuse.
fn two_parties_three_rounds<B: Backend>() {
    run::<B>(2, 3);
}

/// Guarantee: two threads, two rounds: the barrier works again after
/// its first use.
fn two_parties_two_rounds<B: Backend>() {
    run::<B>(2, 2);
}

/// Guarantee: three threads, one round: the last to arrive wakes every
/// waiting party, not just one of the two.
fn three_parties_one_round<B: Backend>() {
    run::<B>(3, 1);
}

exercises::suite! {
    exercise: "reusable_barrier",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [two_parties_two_rounds, two_parties_three_rounds, three_parties_one_round],
}
