//! # Write the test: the bounded blocking queue, reference solution
//!
//! One producer (this thread) and two consumers on a queue of capacity
//! one, each step aimed at a promise a plausible queue breaks:
//! - two consumers that drain until `None`, so that at `close` both can be
//!   asleep: a close that wakes only one leaves the other asleep, and the
//!   checker reports the deadlock;
//! - capacity one and two items, so the producer blocks on a full queue
//!   while consumers wait on an empty one: with one condition variable, a
//!   take can wake the other consumer instead of the producer (a stolen
//!   wake-up), and everyone sleeps;
//! - `len() <= 1` after each put, and "None only after close" (a flag set
//!   before `close` is called): with `if` instead of `while`, a spurious
//!   wake-up overfills the queue or ends a consumer early;
//! - close right after the last put, then "every item taken once": a take
//!   that gives up on seeing `closed` drops an item still queued.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! def scenario(make_queue):
//!     q = make_queue(1)
//!     closing = threading.Event()
//!     got = [[], []]
//!     def consume(mine):
//!         while True:
//!             item = q.take()
//!             if item is None:
//!                 break
//!             mine.append(item)
//!         assert closing.is_set(), "take returned None from an open queue"
//!     consumers = [threading.Thread(target=consume, args=(got[i],), name=f"consumer-{i}")
//!                  for i in range(2)]
//!     for c in consumers:
//!         c.start()
//!     for item in (1, 2):
//!         q.put(item)
//!         assert q.len() <= 1, "the queue went past its capacity"
//!     closing.set()
//!     q.close()
//!     for c in consumers:
//!         c.join()                     # a consumer left asleep hangs here
//!     assert sorted(got[0] + got[1]) == [1, 2], "every item must be taken once"
//! ```

use exercises::prelude::*;
use exercises::subjects::queue::Queue;

/// Checks the queue's promises; fails (panics) when one breaks.
pub fn scenario<B: Backend, Q: Queue<B>>() {
    let q = Arc::<B, _>::new(Q::new(1));
    let closing = Arc::<B, _>::new(AtomicBool::<B>::new(false));
    let consumers: Vec<_> = (0..2)
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
