//! Grades `fizz_buzz`: the four printers on four threads (one of them the
//! caller); the prints together must be the fizz-buzz sequence.
//!
//! Not graded by loom: four threads handing a value round fifteen times,
//! with every hand-off waking all the sleepers, is far too much for an
//! exhaustive search (even n = 5 ran for over a quarter of an hour at
//! preemption bound 2). shuttle's random and PCT schedulers sample the
//! same interleavings in seconds, and catch every wrong answer here.

use super::answer::FizzBuzz;
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Fizz,
    Buzz,
    FizzBuzz,
    Number(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printer {
    Fizz,
    Buzz,
    FizzBuzz,
    Number,
}

/// What the sequence says at `i`.
fn expected(i: u64) -> Said {
    match (i % 3, i % 5) {
        (0, 0) => Said::FizzBuzz,
        (0, _) => Said::Fizz,
        (_, 0) => Said::Buzz,
        _ => Said::Number(i),
    }
}

/// Runs the four printers for `n`, `on_caller` on the calling thread, and
/// checks the combined trace.
fn run<B: Backend>(n: u64, on_caller: Printer) {
    let fb = Arc::<B, _>::new(FizzBuzz::<B>::new(n));
    let events = Events::<B, Said>::shared();
    let printer = |fb: &FizzBuzz<B>, events: Arc<B, Events<B, Said>>, who: Printer| match who {
        Printer::Fizz => fb.fizz(|| events.push(Said::Fizz)),
        Printer::Buzz => fb.buzz(|| events.push(Said::Buzz)),
        Printer::FizzBuzz => fb.fizzbuzz(|| events.push(Said::FizzBuzz)),
        Printer::Number => fb.number(|i| events.push(Said::Number(i))),
    };
    let handles: Vec<_> = [Printer::Fizz, Printer::Buzz, Printer::FizzBuzz, Printer::Number]
        .into_iter()
        .filter(|&who| who != on_caller)
        .map(|who| {
            let (fb, events) = (fb.clone(), events.clone());
            spawn::<B, _>(format!("{who:?}").to_lowercase(), move || printer(&fb, events, who))
        })
        .collect();
    printer(&fb, events.clone(), on_caller);
    handles.into_iter().for_each(join);

    let seen = events.entries();
    let want: Vec<Said> = (1..=n).map(expected).collect();
    for (i, (got, want)) in seen.iter().zip(&want).enumerate() {
        assert_eq!(got, want, "print {} should be {want:?} but was {got:?} (all prints: {seen:?})", i + 1);
    }
    assert_eq!(seen.len(), want.len(), "expected {} prints, got {seen:?}", want.len());
}

/// Guarantee: up to 15 every printer has a turn, in the right places.
fn up_to_fifteen<B: Backend>() {
    run::<B>(15, Printer::Number);
}

/// Guarantee: a printer with nothing to print (fizzbuzz, for n = 5) still
/// returns once the sequence is over.
fn nothing_to_print<B: Backend>() {
    run::<B>(5, Printer::FizzBuzz);
}

exercises::suite! {
    exercise: "fizz_buzz",
    checkers: ["std", "shuttle"],
    scenarios: [up_to_fifteen, nothing_to_print],
}
