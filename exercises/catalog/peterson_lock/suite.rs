//! Grades `peterson_lock`: two threads, taking the lock three times in all, count
//! how many are inside (a read-modify-write, exact under every memory
//! model) and increment a counter kept beside the lock with `Relaxed`
//! loads and stores, so only the lock's own orderings keep them apart and
//! carry the count.

use super::answer::Peterson;
use exercises::prelude::*;

/// The lock, and what it protects.
struct Guarded<B: Backend> {
    lock: Peterson<B>,
    /// Threads between `lock` and `unlock`.
    inside: AtomicUsize<B>,
    count: AtomicU64<B>,
}

impl<B: Backend> Guarded<B> {
    fn new() -> Arc<B, Self> {
        Arc::new(Self {
            lock: Peterson::new(),
            inside: AtomicUsize::new(0),
            count: AtomicU64::new(0),
        })
    }

    /// Thread `me`'s turn inside: checks it is alone, then `count += 1` in
    /// two Relaxed steps.
    fn enter(&self, me: usize) {
        self.lock.lock(me);
        // Relaxed: a read-modify-write reads the latest value whatever the
        // ordering, so it counts who is inside exactly.
        let others = self.inside.fetch_add(1, Ordering::Relaxed);
        assert_eq!(
            others, 0,
            "thread {me} entered while the other was inside: both read the other's flag as \
             down (a `load(..) -> false` after the other's `store(..) <- true` in the step \
             table). A store followed by a load of another location is store buffering: \
             what orders the two threads' steps?"
        );
        // Relaxed, both, on purpose: the plain data a lock protects.
        let seen = self.count.load(Ordering::Relaxed);
        self.count.store(seen + 1, Ordering::Relaxed);
        self.inside.fetch_sub(1, Ordering::Relaxed);
        self.lock.unlock(me);
    }

    fn count(&self) -> u64 {
        // Relaxed: the caller joined the other thread, which orders its
        // stores before this load.
        self.count.load(Ordering::Relaxed)
    }
}

/// Guarantee: mutual exclusion, the next owner sees the last owner's
/// writes, and a thread takes the lock again after giving it back:
/// three increments under the lock count three.
fn mutual_exclusion<B: Backend>() {
    let g = Guarded::<B>::new();
    let other = g.clone();
    let t = spawn::<B, _>("thread-1", move || {
        other.enter(1);
        other.enter(1);
    });
    g.enter(0);
    join(t);
    assert_eq!(
        g.count(),
        3,
        "an increment was lost: an owner loaded the counter from before the other's last \
         store, so it entered without synchronising with the other's critical section. Find \
         the load it entered on in the step table (the last `load` of a flag or of turn before \
         its `fetch_add`): was it Acquire, did it read a Release store, and could it read a \
         stale value (a flag `-> false` although the other had raised it)? A store of turn \
         followed by a load of the other's flag is store buffering."
    );
}

exercises::suite! {
    exercise: "peterson_lock",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [mutual_exclusion],
}
