//! An order-preserving parallel map with a bounded number of tasks in
//! flight: Python's `executor.map`, without submitting every input up
//! front (a million inputs would mean a million queued closures).

use crate::error::{MapError, RejectReason};
use crate::handle::TaskHandle;
use crate::pool::Pool;
use crate::sync::{Arc, Backend};
use core::fmt;
use std::collections::VecDeque;

// ANCHOR: map
impl<B: Backend> Pool<B> {
    /// Runs `f` on every input on the pool and yields the results in input
    /// order, keeping at most `in_flight` tasks submitted and not yet
    /// yielded (at least 1). Lazy: nothing is submitted until the first
    /// `next`. Each item is the task's value, or why there is none (a
    /// panic, or a refusal from a pool shutting down). Dropping the
    /// iterator early leaves the tasks in flight to finish unobserved.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().workers(4).build().unwrap();
    /// let squares: Vec<u64> = pool.map(1..=5_u64, |x| x * x, 2).map(Result::unwrap).collect();
    /// assert_eq!(squares, vec![1, 4, 9, 16, 25]);
    /// ```
    pub fn map<I, F, T>(&self, inputs: I, f: F, in_flight: usize) -> Map<'_, B, I::IntoIter, F, T>
    where
        I: IntoIterator,
        I::Item: Send + 'static,
        F: Fn(I::Item) -> T + Send + Sync + 'static,
        T: Send + 'static,
    {
        Map {
            pool: self,
            inputs: inputs.into_iter(),
            f: Arc::new(f),
            window: VecDeque::new(),
            in_flight: in_flight.max(1),
        }
    }
}

/// The iterator [`Pool::map`] returns.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(2).build().unwrap();
/// let mut lengths = pool.map(["a", "bb"], |s: &str| s.len(), 2);
/// assert_eq!(lengths.next(), Some(Ok(1)));
/// assert_eq!(lengths.next(), Some(Ok(2)));
/// assert_eq!(lengths.next(), None);
/// ```
pub struct Map<'a, B: Backend, I, F: Send + Sync, T: Send + 'static> {
    pool: &'a Pool<B>,
    inputs: I,
    f: Arc<B, F>,
    /// Submitted in input order, oldest first: a handle, or the refusal.
    window: VecDeque<Result<TaskHandle<B, T>, RejectReason>>,
    in_flight: usize,
}

impl<B, I, F, T> Iterator for Map<'_, B, I, F, T>
where
    B: Backend,
    I: Iterator,
    I::Item: Send + 'static,
    F: Fn(I::Item) -> T + Send + Sync + 'static,
    T: Send + 'static,
{
    type Item = Result<T, MapError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.window.len() < self.in_flight {
            let Some(input) = self.inputs.next() else {
                break;
            };
            let f = self.f.clone();
            let submitted = self.pool.submit(move || f(input));
            self.window
                .push_back(submitted.map_err(|refused| refused.reason));
        }
        Some(match self.window.pop_front()? {
            Ok(handle) => handle.join().map_err(MapError::Failed),
            Err(reason) => Err(MapError::Rejected(reason)),
        })
    }
}
// ANCHOR_END: map

impl<B: Backend, I, F: Send + Sync, T: Send + 'static> fmt::Debug for Map<'_, B, I, F, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Map")
            .field("in_flight", &self.window.len())
            .finish_non_exhaustive()
    }
}
