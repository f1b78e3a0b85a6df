//! Grades `memo_cache`: two threads ask for the same key, or for two keys
//! where one computation waits for the other key.

use super::answer::Memo;
use exercises::prelude::*;

/// Guarantee: two concurrent callers for one key get the same value from a
/// single computation, and later callers reuse it.
fn same_key_computed_once<B: Backend>() {
    let memo = Arc::<B, _>::new(Memo::<B, &'static str, u64>::new());
    let calls = Arc::<B, _>::new(AtomicUsize::<B>::new(0));
    let (memo2, calls2) = (memo.clone(), calls.clone());
    let t = spawn::<B, _>("asker", move || {
        memo2.get_or_compute("answer", || {
            // SeqCst: a grader's counter; the cache's own lock orders nothing here.
            calls2.fetch_add(1, Ordering::SeqCst);
            42
        })
    });
    let mine = memo.get_or_compute("answer", || {
        calls.fetch_add(1, Ordering::SeqCst);
        42
    });
    let theirs = join(t);
    assert_eq!((mine, theirs), (42, 42), "both callers must get the computed value");
    let n = calls.load(Ordering::SeqCst);
    assert_eq!(n, 1, "the key was computed {n} times; a second caller must wait for the first");
    let again = memo.get_or_compute("answer", || panic!("the cached value was computed again"));
    assert_eq!(again, 42, "a later call must return the cached value");
}

/// Guarantee: while one key is being computed, another key can be looked
/// up and computed (the lock is not held during `compute`). Here key 1's
/// computation waits until key 2 is ready: holding the lock deadlocks.
fn other_keys_not_blocked<B: Backend>() {
    let memo = Arc::<B, _>::new(Memo::<B, u32, u32>::new());
    let gate = Arc::<B, _>::new((Mutex::<B, bool>::new(false), Condvar::<B>::new()));
    let (memo2, gate2) = (memo.clone(), gate.clone());
    let t = spawn::<B, _>("other-key", move || {
        let value = memo2.get_or_compute(2, || 20);
        *gate2.0.lock() = true;
        gate2.1.notify_all();
        value
    });
    let one = memo.get_or_compute(1, || {
        let opened = gate.1.wait_while(gate.0.lock(), |open| !*open);
        drop(opened);
        10
    });
    assert_eq!(one, 10, "key 1 got the wrong value");
    assert_eq!(join(t), 20, "key 2 got the wrong value");
}

/// Guarantee: when a computation finishes, every caller waiting for that
/// key wakes and gets the value (two waiters here: one wake-up is not
/// enough).
fn every_waiter_gets_the_value<B: Backend>() {
    let memo = Arc::<B, _>::new(Memo::<B, &'static str, u64>::new());
    let askers: Vec<_> = (0..2)
        .map(|i| {
            let memo = memo.clone();
            spawn::<B, _>(format!("asker-{i}"), move || memo.get_or_compute("key", || 7))
        })
        .collect();
    let mine = memo.get_or_compute("key", || 7);
    let theirs: Vec<u64> = askers.into_iter().map(join).collect();
    assert_eq!((mine, theirs), (7, vec![7, 7]), "every caller of one key must get its value");
}

exercises::suite! {
    exercise: "memo_cache",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [same_key_computed_once, other_keys_not_blocked, every_waiter_gets_the_value],
}
