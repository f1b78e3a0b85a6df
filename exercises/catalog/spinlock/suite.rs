//! Grades `spinlock`: two threads increment a counter kept beside the
//! lock as a `Relaxed` load and a `Relaxed` store, so only the lock's own
//! orderings can carry the increment from one owner to the next.

use super::answer::SpinLock;
use exercises::prelude::*;

/// A lock and the plain data it protects.
struct Guarded<B: Backend> {
    lock: SpinLock<B>,
    count: AtomicU64<B>,
}

impl<B: Backend> Guarded<B> {
    fn new() -> Arc<B, Self> {
        Arc::new(Self {
            lock: SpinLock::new(),
            count: AtomicU64::new(0),
        })
    }

    /// `count += 1` as two steps, called with the lock held.
    fn increment_locked(&self) {
        // Relaxed, both, on purpose: this is the "plain data" a lock
        // protects; only the lock's Acquire and Release may order it.
        let seen = self.count.load(Ordering::Relaxed);
        self.count.store(seen + 1, Ordering::Relaxed);
    }

    fn increment(&self) {
        self.lock.lock();
        self.increment_locked();
        self.lock.unlock();
    }

    fn count(&self) -> u64 {
        // Relaxed: the caller joined every writer, which orders their
        // stores before this load.
        self.count.load(Ordering::Relaxed)
    }
}

/// Guarantee: the next owner sees the last owner's writes, so two locked
/// increments count two.
fn no_increment_lost<B: Backend>() {
    let g = Guarded::<B>::new();
    let other = g.clone();
    let t = spawn::<B, _>("incrementer", move || other.increment());
    g.increment();
    join(t);
    assert_eq!(
        g.count(),
        2,
        "an increment was lost: the second owner loaded the counter from before the first \
         owner's store (in the step table, a `load(Relaxed) -> 0` after the lock changed \
         hands): are `lock` (Acquire) and `unlock` (Release) paired?"
    );
}

/// Guarantee: a successful `try_lock` sees the last owner's writes, as a
/// `lock` does.
fn try_lock_sees_last_owner<B: Backend>() {
    let g = Guarded::<B>::new();
    let other = g.clone();
    let t = spawn::<B, _>("owner", move || other.increment());
    let took = g.lock.try_lock();
    if took {
        g.increment_locked();
        g.lock.unlock();
    }
    join(t);
    let expected = 1 + u64::from(took);
    assert_eq!(
        g.count(),
        expected,
        "try_lock returned {took}, so the count must be {expected}: an owner read the counter \
         from before the other's store (a stale `load(Relaxed)` in the step table); does a \
         successful try_lock acquire?"
    );
}

/// Guarantee: mutual exclusion: `try_lock` fails while another thread
/// holds the lock, and succeeds once it is given back.
fn try_lock_fails_while_held<B: Backend>() {
    let g = Guarded::<B>::new();
    g.lock.lock();
    let other = g.clone();
    let t = spawn::<B, _>("intruder", move || other.lock.try_lock());
    yield_now::<B>(); // a scheduling point while the lock is held
    assert!(!join(t), "try_lock took a lock another thread holds");
    g.lock.unlock();
    assert!(g.lock.try_lock(), "try_lock failed on a free lock");
}

exercises::suite! {
    exercise: "spinlock",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [no_increment_lost, try_lock_sees_last_owner, try_lock_fails_while_held],
}
