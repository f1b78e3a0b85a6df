//! The bounded blocking queue of the `bounded_queue` drill, as a test
//! sees it (items are `u32`: a test needs nothing else).

use crate::prelude::Backend;

/// A bounded blocking queue with close: what a test of the queue may
/// call. Its promises: `put` blocks while the queue is full and `take`
/// while it is empty; items come out once each, in order; `close` wakes
/// every blocked thread; after `close`, `put` fails and `take` still
/// returns what was queued, then `None`. `take` returns `None` only once
/// the queue is closed and drained.
///
/// ```
/// use exercises::prelude::*;
/// use exercises::subjects::queue::{Queue, Reference};
/// let q = <Reference<Std> as Queue<Std>>::new(2);
/// q.put(1).unwrap();
/// q.close();
/// assert_eq!((q.put(2), q.take(), q.take()), (Err(2), Some(1), None));
/// ```
pub trait Queue<B: Backend>: Send + Sync + 'static {
    /// An empty queue holding at most `capacity` items.
    fn new(capacity: usize) -> Self
    where
        Self: Sized;
    /// Waits for room, then queues `item`; `Err(item)` once closed.
    fn put(&self, item: u32) -> Result<(), u32>;
    /// Queues `item` if there is room right now; `Err(item)` if full or
    /// closed.
    fn try_put(&self, item: u32) -> Result<(), u32>;
    /// Waits for an item; `None` once the queue is closed and drained.
    fn take(&self) -> Option<u32>;
    /// Stops new puts and wakes every waiting thread.
    fn close(&self);
    /// Items queued right now.
    fn len(&self) -> usize;
    /// Whether no item is queued right now.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The drill's reference answer.
pub type Reference<B> = reference::BoundedQueue<B, u32>;
/// `close` wakes one waiter of each kind; the others sleep on.
pub type NotifyOneOnClose<B> = notify_one_on_close::BoundedQueue<B, u32>;
/// One condition variable with `notify_one` for both kinds of waiter.
pub type OneCondvar<B> = one_condvar::BoundedQueue<B, u32>;
/// Waits with `if` instead of `while`.
pub type IfNotWhile<B> = if_not_while::BoundedQueue<B, u32>;
/// `take` returns `None` as soon as the queue is closed, items or not.
pub type DropsQueuedOnClose<B> = drops_queued_on_close::BoundedQueue<B, u32>;

/// Implements [`Queue`] for the catalog file compiled as module `$m`.
macro_rules! subject {
    ($($m:ident => $file:literal),* $(,)?) => {$(
        #[allow(dead_code, unused_imports, missing_docs, clippy::all)]
        #[path = $file]
        mod $m;

        impl<B: Backend> Queue<B> for $m::BoundedQueue<B, u32> {
            fn new(capacity: usize) -> Self {
                $m::BoundedQueue::new(capacity)
            }
            fn put(&self, item: u32) -> Result<(), u32> {
                $m::BoundedQueue::put(self, item)
            }
            fn try_put(&self, item: u32) -> Result<(), u32> {
                $m::BoundedQueue::try_put(self, item)
            }
            fn take(&self) -> Option<u32> {
                $m::BoundedQueue::take(self)
            }
            fn close(&self) {
                $m::BoundedQueue::close(self)
            }
            fn len(&self) -> usize {
                $m::BoundedQueue::len(self)
            }
        }
    )*};
}

subject! {
    reference => "../../catalog/interview_bounded_queue/solution.rs",
    notify_one_on_close => "../../catalog/interview_bounded_queue/wrong_notify_one_on_close.rs",
    one_condvar => "../../catalog/interview_bounded_queue/wrong_one_condvar.rs",
    if_not_while => "../../catalog/interview_bounded_queue/wrong_if_not_while.rs",
    drops_queued_on_close => "../../catalog/interview_bounded_queue/wrong_drops_queued_on_close.rs",
}
