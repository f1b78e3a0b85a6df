//! A set of tasks whose results come back as they complete, in completion
//! order, not submission order: Python's `as_completed` and `wait`, tokio's
//! `JoinSet`. Built on completion callbacks: each handle, once inserted,
//! hands its outcome to the set's queue, and the set waits on that queue.

use crate::error::{TaskError, WaitTimedOut};
use crate::handle::TaskHandle;
use crate::sync::{Arc, Backend, Condvar, Mutex};
use crate::task::TaskId;
use core::fmt;
use core::time::Duration;
use std::collections::VecDeque;

/// One finished task: its id and its outcome, as a [`TaskSet`] yields it.
///
/// ```
/// use executor::{Executor, Finished, TaskSet};
/// let pool = Executor::builder().build().unwrap();
/// let mut set = TaskSet::new();
/// let handle = pool.submit(|| 'x').unwrap();
/// let id = handle.id();
/// set.insert(handle);
/// let finished: Finished<char> = set.join_next().unwrap();
/// assert_eq!(finished, (id, Ok('x')));
/// ```
pub type Finished<T> = (TaskId, Result<T, TaskError>);

struct Completions<B: Backend, T: Send + 'static> {
    done: Mutex<B, VecDeque<Finished<T>>>,
    arrived: Condvar<B>,
}

// ANCHOR: task_set
/// Tasks (of one pool or several) whose results are taken as they finish.
///
/// ```
/// use executor::{Executor, TaskSet};
/// let pool = Executor::builder().workers(2).build().unwrap();
/// let mut set = TaskSet::new();
/// for i in 0..4_u64 {
///     set.insert(pool.submit(move || i * 10).unwrap());
/// }
/// let mut sum = 0;
/// while let Some((_id, outcome)) = set.join_next() {
///     sum += outcome.unwrap(); // in the order they finished
/// }
/// assert_eq!(sum, 60);
/// ```
pub struct TaskSet<B: Backend, T: Send + 'static> {
    completions: Arc<B, Completions<B, T>>,
    /// Inserted and not yet taken out.
    outstanding: usize,
}

impl<B: Backend, T: Send + 'static> TaskSet<B, T> {
    /// An empty set.
    pub fn new() -> Self {
        Self {
            completions: Arc::new(Completions {
                done: Mutex::new(VecDeque::new()),
                arrived: Condvar::new(),
            }),
            outstanding: 0,
        }
    }

    /// Adds a task by its handle; its outcome joins the set's results
    /// when it finishes (at once if it already has).
    pub fn insert(&mut self, handle: TaskHandle<B, T>) {
        let completions = self.completions.clone();
        let id = handle.id();
        self.outstanding += 1;
        handle.on_complete(move |outcome| {
            completions.done.lock().push_back((id, outcome));
            // notify_one: only the set's owner waits (join_next takes
            // `&mut self`), so one waiter at most.
            completions.arrived.notify_one();
        });
    }

    /// Tasks inserted and not yet taken out (finished or not).
    pub fn len(&self) -> usize {
        self.outstanding
    }

    /// Whether every task inserted has been taken out.
    pub fn is_empty(&self) -> bool {
        self.outstanding == 0
    }

    /// The next task to finish, blocking until one does; `None` once the
    /// set is empty.
    pub fn join_next(&mut self) -> Option<Finished<T>> {
        if self.outstanding == 0 {
            return None;
        }
        let done = self.completions.done.lock();
        let mut done = self
            .completions
            .arrived
            .wait_while(done, |done| done.is_empty());
        self.outstanding -= 1;
        done.pop_front()
    }

    /// As [`join_next`](Self::join_next), waiting at most `timeout`:
    /// `Err(WaitTimedOut)` if no task finished by then (they go on; ask
    /// again). The timeout never fires under the model checkers.
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{Executor, TaskSet, WaitTimedOut};
    /// let pool = Executor::builder().workers(1).build().unwrap();
    /// let mut set = TaskSet::new();
    /// let (tx, rx) = std::sync::mpsc::channel::<()>();
    /// set.insert(pool.submit(move || rx.recv().unwrap()).unwrap());
    /// assert_eq!(set.join_next_timeout(Duration::from_millis(10)).unwrap_err(), WaitTimedOut);
    /// tx.send(()).unwrap();
    /// assert!(set.join_next_timeout(Duration::from_secs(60)).unwrap().is_some());
    /// ```
    pub fn join_next_timeout(
        &mut self,
        timeout: Duration,
    ) -> Result<Option<Finished<T>>, WaitTimedOut> {
        if self.outstanding == 0 {
            return Ok(None);
        }
        let done = self.completions.done.lock();
        let (mut done, timed_out) =
            self.completions
                .arrived
                .wait_while_timeout(done, timeout, |done| done.is_empty());
        if timed_out {
            return Err(WaitTimedOut);
        }
        self.outstanding -= 1;
        Ok(done.pop_front())
    }

    /// Waits up to `timeout` until every task in the set has finished;
    /// `true` if they all have. The results stay in the set, to take with
    /// `join_next` (Python's `wait(..., return_when=ALL_COMPLETED)`).
    pub fn wait_all_timeout(&self, timeout: Duration) -> bool {
        let outstanding = self.outstanding;
        let done = self.completions.done.lock();
        let (_, timed_out) = self
            .completions
            .arrived
            .wait_while_timeout(done, timeout, |done| done.len() < outstanding);
        !timed_out
    }

    /// Waits for every task and returns their results in completion order.
    pub fn join_all(mut self) -> Vec<Finished<T>> {
        let mut all = Vec::with_capacity(self.outstanding);
        while let Some(finished) = self.join_next() {
            all.push(finished);
        }
        all
    }
}
// ANCHOR_END: task_set

impl<B: Backend, T: Send + 'static> Default for TaskSet<B, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Backend, T: Send + 'static> fmt::Debug for TaskSet<B, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskSet")
            .field("outstanding", &self.outstanding)
            .finish_non_exhaustive()
    }
}
