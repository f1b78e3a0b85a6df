//! Hooks: user code the pool calls around its workers and tasks (a worker
//! starting or stopping, a task about to run or just finished), always
//! outside the pool's lock and inside a panic boundary, so a hook can read
//! the pool's metrics or panic without harming it.

use crate::pressure::PressureEvent;
use crate::sync::{Arc, Backend};
use crate::task::{Outcome, TaskId, drop_quietly};
use core::fmt;
use core::time::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A worker starting or stopping, as the worker hooks see it.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use std::sync::Arc;
/// use executor::Executor;
/// let started = Arc::new(AtomicUsize::new(0));
/// let seen = started.clone();
/// let pool = Executor::builder()
///     .workers(2)
///     // Relaxed: a count read after shutdown joined the workers.
///     .on_worker_start(move |worker| { seen.fetch_add(1, Ordering::Relaxed); assert!(worker.name.starts_with("worker-")); })
///     .build()
///     .unwrap();
/// pool.shutdown().unwrap();
/// assert_eq!(started.load(Ordering::Relaxed), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerEvent {
    /// The worker's index (its name's suffix).
    pub index: usize,
    /// The worker thread's name, `{prefix}-{index}`.
    pub name: String,
}

/// A task about to run (`before_task`) or just finished (`after_task`).
/// Times come from the pool's clock (see [`Builder::clock`](crate::Builder::clock));
/// the default stands still under the model checkers.
///
/// ```
/// use std::sync::mpsc;
/// use std::sync::Mutex;
/// use executor::{Executor, Outcome};
/// let (tx, rx) = mpsc::channel();
/// let tx = Mutex::new(tx);
/// let pool = Executor::builder()
///     .workers(1)
///     .after_task(move |task| tx.lock().unwrap().send((task.id, task.outcome)).unwrap())
///     .build()
///     .unwrap();
/// let id = pool.submit(|| ()).unwrap().id();
/// assert_eq!(rx.recv().unwrap(), (id, Some(Outcome::Completed)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskEvent {
    /// The task.
    pub id: TaskId,
    /// The index of the worker running it.
    pub worker: usize,
    /// How long it waited in the queue.
    pub queue_wait: Duration,
    /// How long it ran (zero before it runs).
    pub run_time: Duration,
    /// How it ended (`None` before it runs).
    pub outcome: Option<Outcome>,
}

/// One hook: shared by the builder and the pool it builds.
pub(crate) type Hook<B, E> = Option<Arc<B, Box<dyn Fn(&E) + Send + Sync>>>;

/// The hooks a pool was built with.
pub(crate) struct Hooks<B: Backend> {
    pub(crate) worker_start: Hook<B, WorkerEvent>,
    pub(crate) worker_stop: Hook<B, WorkerEvent>,
    pub(crate) before_task: Hook<B, TaskEvent>,
    pub(crate) after_task: Hook<B, TaskEvent>,
    pub(crate) pressure: Hook<B, PressureEvent>,
}

impl<B: Backend> Hooks<B> {
    /// Calls a worker hook with the worker's index and name.
    pub(crate) fn worker(hook: &Hook<B, WorkerEvent>, index: usize, name: &str) {
        if let Some(hook) = hook {
            let event = WorkerEvent {
                index,
                name: name.to_owned(),
            };
            quietly(|| hook(&event));
        }
    }

    /// Calls a task hook.
    pub(crate) fn task(hook: &Hook<B, TaskEvent>, event: TaskEvent) {
        if let Some(hook) = hook {
            quietly(|| hook(&event));
        }
    }
}

/// Runs user code inside a panic boundary; a panic is dropped quietly.
pub(crate) fn quietly(code: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(code)) {
        drop_quietly(payload);
    }
}

impl<B: Backend> Clone for Hooks<B> {
    fn clone(&self) -> Self {
        Self {
            worker_start: self.worker_start.clone(),
            worker_stop: self.worker_stop.clone(),
            before_task: self.before_task.clone(),
            after_task: self.after_task.clone(),
            pressure: self.pressure.clone(),
        }
    }
}

impl<B: Backend> Default for Hooks<B> {
    fn default() -> Self {
        Self {
            worker_start: None,
            worker_stop: None,
            before_task: None,
            after_task: None,
            pressure: None,
        }
    }
}

impl<B: Backend> fmt::Debug for Hooks<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks")
            .field("worker_start", &self.worker_start.is_some())
            .field("worker_stop", &self.worker_stop.is_some())
            .field("before_task", &self.before_task.is_some())
            .field("after_task", &self.after_task.is_some())
            .field("pressure", &self.pressure.is_some())
            .finish()
    }
}
