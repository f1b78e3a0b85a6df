//! Grades `zero_even_odd`: the three printers on three threads (one of
//! them the caller); the prints together must be exactly 0 1 0 2 ...
//!
//! Not graded by loom: three threads that each loop through hand-offs,
//! with every print waking both other printers, is a large space for an
//! exhaustive search. At preemption bound 2, n = 2 alone took loom 5,000
//! to 11,000 executions (6 to 12 s); shuttle's random and PCT schedulers
//! cover the same interleavings in about a second and catch every wrong
//! answer here.

use super::answer::ZeroEvenOdd;
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Zero,
    Even,
    Odd,
}

/// Runs the printers for `n`, `on_caller` on the calling thread, and
/// checks the combined trace.
fn run<B: Backend>(n: u64, on_caller: Who) {
    let zeo = Arc::<B, _>::new(ZeroEvenOdd::<B>::new(n));
    let events = Events::<B, (Who, u64)>::shared();
    let printer = |zeo: &ZeroEvenOdd<B>, events: Arc<B, Events<B, (Who, u64)>>, who: Who| {
        let print = move |k| events.push((who, k));
        match who {
            Who::Zero => zeo.zero(print),
            Who::Even => zeo.even(print),
            Who::Odd => zeo.odd(print),
        }
    };
    let handles: Vec<_> = [Who::Zero, Who::Even, Who::Odd]
        .into_iter()
        .filter(|&who| who != on_caller)
        .map(|who| {
            let (zeo, events) = (zeo.clone(), events.clone());
            spawn::<B, _>(format!("{who:?}").to_lowercase(), move || printer(&zeo, events, who))
        })
        .collect();
    printer(&zeo, events.clone(), on_caller);
    handles.into_iter().for_each(join);

    let seen = events.entries();
    let numbers: Vec<u64> = seen.iter().map(|&(_, k)| k).collect();
    let expected: Vec<u64> = (1..=n).flat_map(|k| [0, k]).collect();
    assert_eq!(numbers, expected, "the combined prints are not 0 1 0 2 ... 0 {n}");
    for &(who, k) in &seen {
        let owner = match k {
            0 => Who::Zero,
            k if k % 2 == 0 => Who::Even,
            _ => Who::Odd,
        };
        assert_eq!(who, owner, "{k} was printed by the {who:?} printer, not the {owner:?} one");
    }
}

/// Guarantee: with two numbers, the zero printer on the caller, the
/// sequence is 0 1 0 2.
fn zero_on_caller<B: Backend>() {
    run::<B>(2, Who::Zero);
}

/// Guarantee: with three numbers (the odd printer has two turns), the
/// odd printer on the caller, the sequence is 0 1 0 2 0 3.
fn odd_on_caller<B: Backend>() {
    run::<B>(3, Who::Odd);
}

exercises::suite! {
    exercise: "zero_even_odd",
    checkers: ["std", "shuttle"],
    scenarios: [zero_on_caller, odd_on_caller],
}
