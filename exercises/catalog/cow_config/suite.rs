//! Grades `cow_config`: every settings value in these scenarios keeps
//! `queue_capacity == 10 * workers`, so a reader can spot a torn one.

use super::answer::{Config, Settings};
use exercises::prelude::*;

fn settings(workers: u32) -> Settings {
    Settings {
        workers,
        queue_capacity: 10 * workers,
    }
}

fn grow(s: &mut Settings) {
    s.workers += 1;
    s.queue_capacity += 10;
}

/// Guarantee: two concurrent updates both land.
fn no_update_lost<B: Backend>() {
    let config = Arc::<B, _>::new(Config::<B>::new(settings(1)));
    let other = config.clone();
    let t = spawn::<B, _>("updater", move || other.update(grow));
    config.update(grow);
    join(t);
    let last = config.snapshot();
    assert_eq!(
        *last,
        settings(3),
        "two updates each added a worker to 1, so 3 are expected: an update was lost"
    );
}

/// Guarantee: a reader sees the old settings or the new ones, never a
/// mix; an earlier snapshot never changes; a later one shows the update.
fn readers_never_see_half_an_update<B: Backend>() {
    let config = Arc::<B, _>::new(Config::<B>::new(settings(1)));
    let before = config.snapshot();
    let other = config.clone();
    let t = spawn::<B, _>("updater", move || {
        other.update(|s| {
            s.workers = 2;
            s.queue_capacity = 20;
        })
    });
    let seen = config.snapshot();
    assert!(
        *seen == settings(1) || *seen == settings(2),
        "a reader saw {seen:?}: half of an update (only {:?} or {:?} ever existed)",
        settings(1),
        settings(2)
    );
    join(t);
    assert_eq!(*before, settings(1), "a snapshot changed after it was taken");
    assert_eq!(*config.snapshot(), settings(2), "the finished update is not visible");
}

exercises::suite! {
    exercise: "cow_config",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [no_update_lost, readers_never_see_half_an_update],
}
