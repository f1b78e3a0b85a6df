//! Grades `river_crossing` by trace validity: every `board` and `row` is
//! recorded, and the trace must be boats of four boardings then one row,
//! each boat four hackers, four serfs, or two and two.

use super::answer::{Rider, RiverCrossing};
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Boards(Rider),
    Rows,
}

/// One thread's riders: each crosses in turn.
fn offer<B: Backend>(
    river: &RiverCrossing<B>,
    events: &Arc<B, Events<B, Event>>,
    riders: &[Rider],
) {
    for &rider in riders {
        let (boards, rows) = (events.clone(), events.clone());
        river.cross(
            rider,
            move || boards.push(Event::Boards(rider)),
            move || rows.push(Event::Rows),
        );
    }
}

/// Checks that `trace` is boats of four boardings and a row, each legal,
/// `boats` of them in all.
fn check_trace(trace: &[Event], boats: usize) {
    let mut aboard: Vec<Rider> = Vec::new();
    let mut left = 0;
    for event in trace {
        match *event {
            Event::Boards(rider) => aboard.push(rider),
            Event::Rows => {
                assert_eq!(
                    aboard.len(),
                    4,
                    "boat {} rowed off with {aboard:?} aboard: a boat leaves with exactly four (trace: {trace:?})",
                    left + 1
                );
                let hackers = aboard.iter().filter(|&&r| r == Rider::Hacker).count();
                assert!(
                    hackers != 1 && hackers != 3,
                    "boat {} is {aboard:?}: three of one camp and one of the other may not cross (trace: {trace:?})",
                    left + 1
                );
                aboard.clear();
                left += 1;
            }
        }
    }
    assert!(
        aboard.is_empty(),
        "{aboard:?} boarded a boat that never rowed off (trace: {trace:?})"
    );
    assert_eq!(
        left, boats,
        "{boats} boats' worth of riders came, {left} boats left (trace: {trace:?})"
    );
}

/// Runs each of `spawned` on its own thread and `on_caller` on the caller,
/// then checks the trace.
fn run<B: Backend>(spawned: &[&'static [Rider]], on_caller: &'static [Rider]) {
    let river = Arc::<B, _>::new(RiverCrossing::<B>::new());
    let events = Events::<B, Event>::shared();
    let riders = spawned.iter().map(|r| r.len()).sum::<usize>() + on_caller.len();
    let handles: Vec<_> = spawned
        .iter()
        .enumerate()
        .map(|(i, &riders)| {
            let (river, events) = (river.clone(), events.clone());
            spawn::<B, _>(format!("bank-{i}"), move || offer(&river, &events, riders))
        })
        .collect();
    offer(&river, &events, on_caller);
    handles.into_iter().for_each(join);
    check_trace(&events.entries(), riders / 4);
}

use Rider::{Hacker as H, Serf as S};

/// Guarantee: six hackers and two serfs cross as four hackers and two and
/// two, never three hackers and a serf, though three hackers are often
/// first at the landing. Two banks of hackers can both be waiting when a
/// boat leaves, and both must be woken; loom explores one bank of six
/// (three threads and eight crossings are past its time limit).
fn six_hackers_two_serfs<B: Backend>() {
    if B::NAME == "loom" {
        run::<B>(&[&[H, H, H, H, H, H]], &[S, S]);
    } else {
        run::<B>(&[&[H, H, H], &[H, H, H]], &[S, S]);
    }
}

/// Guarantee: a boat of two and two rows off only once all four are
/// aboard: the captain's `row` comes after the four `board`s.
fn two_and_two<B: Backend>() {
    run::<B>(&[&[H]], &[S, S, H]);
}

exercises::suite! {
    exercise: "river_crossing",
    checkers: ["std", "shuttle", "loom"],
    // A rider that wakes without a place must wait again: injected
    // spurious wake-ups catch an `if` where a `while` belongs.
    spurious: true,
    scenarios: [six_hackers_two_serfs, two_and_two],
}
