//! Grades `dining_philosophers`: philosophers on their own threads (one
//! on the caller) each dine a few times; every run must end (a deadlock
//! is a failure the checkers report) and the trace of meals must never
//! show two neighbours eating at once.

use super::answer::Table;
use exercises::prelude::*;
use exercises::trace_check::Events;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meal {
    Starts(usize),
    Ends(usize),
}

/// Philosopher `me` dines `meals` times, recording each meal.
fn philosopher<B: Backend>(table: &Table<B>, events: &Events<B, Meal>, me: usize, meals: usize) {
    for _ in 0..meals {
        table.dine(me, || {
            events.push(Meal::Starts(me));
            events.push(Meal::Ends(me));
        });
    }
}

/// `seats` philosophers dine `meals` times each; checks the trace.
fn run<B: Backend>(seats: usize, meals: usize) {
    let table = Arc::<B, _>::new(Table::<B>::new(seats));
    let events = Events::<B, Meal>::shared();
    let handles: Vec<_> = (1..seats)
        .map(|me| {
            let (table, events) = (table.clone(), events.clone());
            spawn::<B, _>(format!("philosopher-{me}"), move || {
                philosopher(&table, &events, me, meals)
            })
        })
        .collect();
    philosopher(&table, &events, 0, meals);
    handles.into_iter().for_each(join);

    let seen = events.entries();
    let mut eating = vec![false; seats];
    let mut eaten = vec![0; seats];
    for meal in &seen {
        match *meal {
            Meal::Starts(p) => {
                for n in [(p + seats - 1) % seats, (p + 1) % seats] {
                    assert!(
                        !eating[n],
                        "philosophers {p} and {n} share a fork but ate at the same time (trace: {seen:?})"
                    );
                }
                eating[p] = true;
                eaten[p] += 1;
            }
            Meal::Ends(p) => eating[p] = false,
        }
    }
    assert!(eaten.iter().all(|&e| e == meals), "each philosopher should eat {meals} times, got {eaten:?}");
}

/// Guarantee: two philosophers (two forks, each shared by both), two
/// meals each: no deadlock and never both at once.
fn two_philosophers<B: Backend>() {
    run::<B>(2, 2);
}

/// Guarantee: three philosophers round the table, one meal each: no
/// cycle of waits, and neighbours never eat together.
fn three_philosophers<B: Backend>() {
    run::<B>(3, 1);
}

exercises::suite! {
    exercise: "dining_philosophers",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [two_philosophers, three_philosophers],
}
