//! Wrong: each consumer takes exactly one item ("two items, two
//! consumers") instead of draining until `None`. No consumer is ever
//! blocked when `close` comes, so a close that wakes only one waiter is
//! never put to the test.

use exercises::prelude::*;
use exercises::subjects::queue::Queue;

/// Checks the queue's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, Q: Queue<B>>() {
    let q = Arc::<B, _>::new(Q::new(1));
    let consumers: Vec<_> = (0..2)
        .map(|i| {
            let q = q.clone();
            spawn::<B, _>(format!("consumer-{i}"), move || {
                // One item each: two items, two consumers.
                let got: Vec<u32> = q.take().into_iter().collect();
                got
            })
        })
        .collect();
    for item in 1..=2 {
        assert_eq!(q.put(item), Ok(()), "put({item}) failed on an open queue");
        assert!(q.len() <= 1, "the queue holds {} items, capacity 1", q.len());
    }
    q.close();
    let mut got: Vec<u32> = consumers.into_iter().flat_map(join).collect();
    got.sort_unstable();
    assert_eq!(got, [1, 2], "every item put must be taken exactly once");
}
