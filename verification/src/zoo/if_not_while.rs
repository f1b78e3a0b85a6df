//! **`if` instead of `while`.** A consumer waits for an item with
//! `if queue.is_empty() { wait }` and then pops, trusting that a wake-up
//! means an item. It does not: condition variables may wake a waiter
//! spuriously, with no notify at all.
//!
//! The interleaving: the consumer finds the queue empty and waits; it wakes
//! spuriously before the producer has pushed; it pops from an empty queue
//! and panics. With one consumer and one producer nothing else can cause
//! it, so the checkers find it only because the harness injects spurious
//! wake-ups (`spurious: true`); with two consumers a stolen wake-up does the
//! same without any (see `stolen_wakeup`).
//!
//! Main is the consumer on purpose. Under loom an injected spurious wake-up
//! is unlock, yield, re-lock, and the yield hands the processor to another
//! thread first; a spawned consumer hands it to main, which is already past
//! its lock's scheduling point, takes the lock and pushes before the
//! consumer can re-lock, so loom would never see the empty queue.
//!
//! The fix: wait in a loop that re-checks the condition after every
//! wake-up, `while queue.is_empty() { wait }`, which is `wait_while`.

use super::{Bug, Checker, program};
use executor::sync::{Arc, Backend, Condvar, Mutex, MutexGuard, thread};
use std::collections::VecDeque;

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "if_not_while",
    summary: "a consumer waits with `if` and pops from an empty queue after a spurious wake-up",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::MODELS,
    blind_spots: "real threads: real condition variables (parking_lot's) almost never wake \
                  spuriously, so the `if` is right by luck; the model checkers find it only \
                  through the spurious wake-ups the harness injects",
    spurious: true,
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

/// Main takes one item; thread "producer" pushes it and notifies.
fn run<B: Backend>(wait_for_item: Wait<B>) {
    let queue = Arc::<B, _>::new(Queue::<B> {
        items: Mutex::new(VecDeque::new()),
        not_empty: Condvar::new(),
    });
    let other = queue.clone();
    let producer = thread::spawn::<B, _, _>("producer".into(), move || {
        other.items.lock().push_back(7);
        other.not_empty.notify_one();
    })
    .unwrap();
    let mut items = wait_for_item(&queue.not_empty, queue.items.lock());
    let item = items.pop_front().expect("woken up, but the queue is empty");
    drop(items);
    assert_eq!(item, 7);
    producer.join().unwrap();
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Waits at most once: a spurious wake-up gets through.
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
