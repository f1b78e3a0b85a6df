//! **Stolen wake-up.** The `if`-instead-of-`while` bug again, this time
//! with two consumers, and no spurious wake-up needed: a notify wakes a
//! waiter, but the item it announced can be taken by another consumer
//! before the woken one gets the lock back.
//!
//! The interleaving: consumer-0 finds the queue empty and waits; the
//! producer pushes item 1 and notifies, which wakes consumer-0; before
//! consumer-0 re-acquires the lock, consumer-1 arrives, finds item 1 and
//! takes it; consumer-0 gets the lock back, does not re-check, and pops from
//! an empty queue. Or the other way round: consumer-0 takes item 1 before
//! the producer's notify for it, consumer-1 starts waiting, and that notify
//! wakes it for an item already gone (the schedule loom reports first). It
//! takes a precise order of three threads (two preemptions), so loom finds
//! it at its default bound and shuttle within a few dozen schedules; real
//! threads rarely line it up.
//!
//! The fix: re-check after every wake-up (`wait_while`). A woken consumer
//! that finds the queue empty waits again, and the producer's second push
//! and notify will wake it.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Condvar, Mutex, MutexGuard, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "stolen_wakeup",
    summary: "a woken consumer waiting with `if` finds its item taken by another and pops \
              from an empty queue",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads line the three threads up only by luck (about once in 10,000 \
                  runs here): the thief must slip in between the notify and the woken \
                  consumer re-acquiring the lock",
    spurious: false,
};

// ANCHOR: setup
/// A queue and the condition variable that says it is not empty.
struct Queue<B: Backend> {
    items: Mutex<B, VecDeque<u64>>,
    not_empty: Condvar<B>,
}

/// Waits until the queue is (believed) not empty.
type Wait<B> = for<'a> fn(
    &'a Condvar<B>,
    MutexGuard<'a, B, VecDeque<u64>>,
) -> MutexGuard<'a, B, VecDeque<u64>>;

/// Threads "consumer-0" and "consumer-1" take one item each; main pushes
/// two items, notifying one waiter after each.
fn run<B: Backend>(wait_for_item: Wait<B>) {
    let queue = Arc::<B, _>::new(Queue::<B> {
        items: Mutex::new(VecDeque::new()),
        not_empty: Condvar::new(),
    });
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let queue = queue.clone();
            thread::spawn::<B, _, _>(format!("consumer-{i}"), move || {
                let mut items = wait_for_item(&queue.not_empty, queue.items.lock());
                items.pop_front().expect("woken up, but the queue is empty")
            })
            .unwrap()
        })
        .collect();
    for item in [1, 2] {
        queue.items.lock().push_back(item);
        queue.not_empty.notify_one();
    }
    let mut taken: Vec<u64> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
    taken.sort_unstable();
    assert_eq!(taken, [1, 2], "each item must be taken exactly once");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Waits at most once: a wake-up whose item was stolen gets through.
pub fn broken<B: Backend>() {
    run::<B>(|not_empty, mut items| {
        if items.is_empty() {
            items = not_empty.wait(items);
        }
        items
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Re-checks after every wake-up.
pub fn fixed<B: Backend>() {
    run::<B>(|not_empty, items| not_empty.wait_while(items, |items| items.is_empty()));
}
// ANCHOR_END: fixed
