//! Grades `lost_update`: two threads race on one counter.

use super::answer::Counter;
use exercises::prelude::*;

/// Guarantee: two concurrent increments both count.
fn no_increment_lost<B: Backend>() {
    let counter = Arc::<B, _>::new(Counter::<B>::new());
    let other = counter.clone();
    let t = spawn::<B, _>("incrementer", move || other.increment());
    counter.increment();
    join(t);
    assert_eq!(counter.get(), 2, "an increment was lost");
}

/// Guarantee: two threads racing for the last slot below the limit do
/// not both get it.
fn limit_holds<B: Backend>() {
    let counter = Arc::<B, _>::new(Counter::<B>::new());
    let other = counter.clone();
    let t = spawn::<B, _>("racer", move || other.add_if_below(1));
    let mine = counter.add_if_below(1);
    let theirs = join(t);
    assert!(mine ^ theirs, "exactly one thread may take the last slot (got {mine} and {theirs})");
    assert_eq!(counter.get(), 1, "the count went past the limit");
}

exercises::suite! {
    exercise: "lost_update",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [no_increment_lost, limit_holds],
}
