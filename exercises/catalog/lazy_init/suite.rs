//! Grades `lazy_init`: two threads race to initialise one value; `init`
//! counts its calls, so a second initialisation shows.

use super::answer::Lazy;
use exercises::prelude::*;

/// The value `init` computes: not 0, so that a stale read of the slot shows.
const VALUE: u64 = 7;

/// A lazy value and how many times its `init` ran.
struct Counted<B: Backend> {
    lazy: Lazy<B>,
    calls: AtomicUsize<B>,
}

impl<B: Backend> Counted<B> {
    fn new() -> Arc<B, Self> {
        Arc::new(Self {
            lazy: Lazy::new(),
            calls: AtomicUsize::new(0),
        })
    }

    fn get(&self, who: &str) -> u64 {
        let got = self.lazy.get_or_init(|| {
            // Relaxed: a count read after the joins, which order it.
            self.calls.fetch_add(1, Ordering::Relaxed);
            VALUE
        });
        assert_eq!(
            got, VALUE,
            "{who}: get_or_init returned {got}, not {VALUE}: it saw the state READY and read \
             the value slot before the initialiser's store was visible (`load(Relaxed) -> 0` \
             on the value in the step table). Is READY stored with Release and loaded with \
             Acquire?"
        );
        got
    }
}

/// Guarantee: two racing callers get the one value, and `init` runs once.
fn everyone_gets_the_one_value<B: Backend>() {
    let counted = Counted::<B>::new();
    let other = counted.clone();
    let t = spawn::<B, _>("racer", move || other.get("racer"));
    counted.get("main");
    join(t);
    // Relaxed: the join above orders the racer's increment before this.
    let calls = counted.calls.load(Ordering::Relaxed);
    assert_eq!(calls, 1, "init ran {calls} times; it must run exactly once");
}

/// Guarantee: `get` returns nothing before the value is ready and the
/// value itself after, never the slot's old 0.
fn get_sees_the_value_or_nothing<B: Backend>() {
    let counted = Counted::<B>::new();
    assert_eq!(
        counted.lazy.get(),
        None,
        "get returned a value nobody computed"
    );
    let other = counted.clone();
    // The reader is the spawned thread: loom lets a thread read a stale
    // value only if it has not itself seen a newer one, nor yielded since
    // it first saw the old one (its rule for making spin loops progress).
    let t = spawn::<B, _>("reader", move || other.lazy.get());
    counted.get("initialiser");
    let seen = join(t);
    assert!(
        seen.is_none() || seen == Some(VALUE),
        "get returned {seen:?} while the value was being set: it saw READY and then the \
         slot's old value (`load(Relaxed) -> 0`). Does `get` load the state with Acquire?"
    );
    assert_eq!(
        counted.lazy.get(),
        Some(VALUE),
        "after initialisation get must return the value"
    );
}

exercises::suite! {
    exercise: "lazy_init",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [everyone_gets_the_one_value, get_sees_the_value_or_nothing],
}
