//! Wrong: the test closes the queue only after the consumers have taken
//! everything and been joined ("first the work, then the shutdown"). So
//! `close` never meets a queued item or a sleeping thread: a close that
//! drops the backlog, or wakes only one waiter, looks correct.

use exercises::prelude::*;
use exercises::subjects::queue::Queue;

/// Checks the queue's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, Q: Queue<B>>() {
    let q = Arc::<B, _>::new(Q::new(1));
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let q = q.clone();
            spawn::<B, _>(format!("consumer-{i}"), move || {
                let item = q.take();
                assert!(item.is_some(), "take returned None from an open queue");
                item
            })
        })
        .collect();
    for item in 1..=2 {
        assert_eq!(q.put(item), Ok(()), "put({item}) failed on an open queue");
        assert!(q.len() <= 1, "the queue holds {} items, capacity 1", q.len());
    }
    let mut got: Vec<u32> = consumers.into_iter().filter_map(join).collect();
    got.sort_unstable();
    assert_eq!(got, [1, 2], "every item put must be taken exactly once");
    q.close();
    assert_eq!(q.take(), None, "a closed, drained queue must return None");
}
