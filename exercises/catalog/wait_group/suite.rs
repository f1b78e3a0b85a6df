//! Grades `wait_group`: workers record their work in a shared log, and
//! whoever returns from `wait` checks that all of it is there.

use super::answer::WaitGroup;
use exercises::prelude::*;
use exercises::trace_check::Events;

/// Guarantee: `wait` returns only after every added task called `done`.
fn wait_sees_all_work<B: Backend>() {
    let group = Arc::<B, _>::new(WaitGroup::<B>::new());
    let log = Events::<B, usize>::shared();
    group.add(2);
    let (g, l) = (group.clone(), log.clone());
    let worker = spawn::<B, _>("worker", move || {
        for task in 0..2 {
            l.push(task);
            g.done();
        }
    });
    group.wait();
    let finished = log.entries().len();
    assert_eq!(finished, 2, "wait() returned when {finished} of 2 tasks were done");
    join(worker);
}

/// Guarantee: every waiter wakes when the count reaches zero, not just
/// one of them.
fn every_waiter_wakes<B: Backend>() {
    let group = Arc::<B, _>::new(WaitGroup::<B>::new());
    group.add(1);
    let waiters: Vec<_> = (0..2)
        .map(|i| {
            let group = group.clone();
            spawn::<B, _>(format!("waiter-{i}"), move || group.wait())
        })
        .collect();
    group.done();
    waiters.into_iter().for_each(join);
}

/// Guarantee: with nothing outstanding, `wait` returns at once: before
/// any task is added, and again after a round of tasks has finished.
fn nothing_outstanding<B: Backend>() {
    let group = Arc::<B, _>::new(WaitGroup::<B>::new());
    group.wait();
    group.add(1);
    let g = group.clone();
    let worker = spawn::<B, _>("worker", move || g.done());
    group.wait();
    join(worker);
    group.wait();
}

exercises::suite! {
    exercise: "wait_group",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [wait_sees_all_work, every_waiter_wakes, nothing_outstanding],
}
