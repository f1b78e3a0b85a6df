//! Wrong: the test runs one consumer ("a producer and a consumer is the
//! queue's whole story"). At close at most one thread waits, so a close
//! that wakes one waiter looks correct, and with a single consumer a take
//! has no other consumer to wake by mistake.

use exercises::prelude::*;
use exercises::subjects::queue::Queue;

/// Checks the queue's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, Q: Queue<B>>() {
    let q = Arc::<B, _>::new(Q::new(1));
    let closing = Arc::<B, _>::new(AtomicBool::<B>::new(false));
    let consumers: Vec<_> = (0..1)
        .map(|i| {
            let (q, closing) = (q.clone(), closing.clone());
            spawn::<B, _>(format!("consumer-{i}"), move || {
                let mut got = Vec::new();
                while let Some(item) = q.take() {
                    got.push(item);
                }
                // Relaxed: `close` runs after the store, and a `None` can
                // only come from a `take` that saw `close` through the
                // queue's lock, which orders the store before this load.
                assert!(
                    closing.load(Ordering::Relaxed),
                    "take returned None before close was called: on an open queue it must wait"
                );
                got
            })
        })
        .collect();
    for item in 1..=2 {
        assert_eq!(q.put(item), Ok(()), "put({item}) failed on an open queue");
        assert!(q.len() <= 1, "the queue holds {} items, capacity 1", q.len());
    }
    // Relaxed: see the consumer's load.
    closing.store(true, Ordering::Relaxed);
    q.close();
    let mut got: Vec<u32> = consumers.into_iter().flat_map(join).collect();
    got.sort_unstable();
    assert_eq!(got, [1, 2], "every item put must be taken exactly once");
}
