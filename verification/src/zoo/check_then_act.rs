//! **Check-then-act.** "Insert if absent" done as two critical sections:
//! one lock hold to look the key up, another to insert it. Each step is
//! atomic, the pair is not: what the check saw may be false by the time the
//! act runs.
//!
//! The interleaving: A locks, sees the key absent, unlocks; B locks, sees it
//! absent too, unlocks; A inserts its value; B inserts its own. Both believe
//! they won, and the map holds the key twice (with a plain map, B would
//! silently overwrite A's value). It needs one preemption between A's check
//! and its insert, so every checker finds it at once; real threads find it
//! rarely, because the window is a few nanoseconds wide.
//!
//! The fix: check and insert under one lock hold (the `entry` API of a real
//! map does exactly that).

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Mutex, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "check_then_act",
    summary: "insert-if-absent checks under one lock hold and inserts under another",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads hit the nanosecond window between the two lock holds only by \
                  luck (never in 60,000 runs here)",
    spurious: false,
};

// ANCHOR: setup
/// A tiny map: a list of `(key, value)` pairs behind a lock.
type Map<B> = Mutex<B, Vec<(u64, u64)>>;

/// The key both threads race to claim.
const KEY: u64 = 7;

/// Two threads insert `KEY` if absent, each with its own value; exactly one
/// must win, and the map must hold the winner's value, once.
fn run<B: Backend>(insert_if_absent: fn(&Map<B>, u64, u64) -> bool) {
    let map = Arc::<B, _>::new(Map::<B>::new(Vec::new()));
    let other = map.clone();
    let t = thread::spawn::<B, _, _>("inserter".into(), move || insert_if_absent(&other, KEY, 2))
        .unwrap();
    let main_won = insert_if_absent(&map, KEY, 1);
    let other_won = t.join().unwrap();
    assert!(
        main_won != other_won,
        "both or neither insert won (main: {main_won}, inserter: {other_won})"
    );
    let winner = if main_won { 1 } else { 2 };
    assert_eq!(
        *map.lock(),
        vec![(KEY, winner)],
        "the map must hold the first writer's value, once"
    );
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Checks under one lock hold, inserts under another.
pub fn broken<B: Backend>() {
    run::<B>(|map, key, value| {
        let absent = map.lock().iter().all(|&(k, _)| k != key);
        // The lock is free here: another thread can insert `key` now.
        if absent {
            map.lock().push((key, value));
        }
        absent
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Checks and inserts under one lock hold.
pub fn fixed<B: Backend>() {
    run::<B>(|map, key, value| {
        let mut entries = map.lock();
        let absent = entries.iter().all(|&(k, _)| k != key);
        if absent {
            entries.push((key, value));
        }
        absent
    });
}
// ANCHOR_END: fixed
