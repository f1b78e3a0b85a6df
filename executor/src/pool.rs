//! The pool: a fixed set of named workers serving one bounded queue.

use crate::builder::Builder;
use crate::error::{BuildError, LifecycleError};
use crate::metrics::Metrics;
use crate::policy::RejectionPolicy;
use crate::queue::Shared;
use crate::sync::{Arc, Backend, Mutex, thread};
use crate::worker::work;
use core::fmt;

/// A worker pool over a bounded queue, generic over its sync backend.
///
/// Production code uses [`Executor`](crate::Executor) (`Pool<Std>`); the
/// `verification` crate runs the very same code under loom and shuttle.
///
/// ```
/// use executor::Executor;
/// let pool = Executor::builder().workers(2).capacity(16).build().unwrap();
/// let handles: Vec<_> = (0..4).map(|i| pool.submit(move || i * i).unwrap()).collect();
/// let squares: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
/// assert_eq!(squares, vec![0, 1, 4, 9]);
/// pool.shutdown().unwrap();
/// assert!(pool.metrics().is_consistent());
/// ```
pub struct Pool<B: Backend> {
    pub(crate) shared: Arc<B, Shared<B>>,
    /// Taken (and joined) once, under this lock, by the first shutdown;
    /// a concurrent shutdown waits here until the joins are done.
    pub(crate) workers: Mutex<B, Vec<thread::JoinHandle<B, ()>>>,
    /// Identities of the workers, to refuse waiting from inside a task.
    pub(crate) worker_ids: Vec<B::ThreadId>,
}

impl<B: Backend> Pool<B> {
    /// A builder with default settings.
    pub fn builder() -> Builder<B> {
        Builder::default()
    }

    pub(crate) fn start(
        workers: usize,
        capacity: usize,
        prefix: &str,
        policy: RejectionPolicy,
    ) -> Result<Self, BuildError> {
        let shared = Arc::new(Shared::new(1, workers, capacity, policy));
        let mut pool = Pool {
            shared,
            workers: Mutex::new(Vec::with_capacity(workers)),
            worker_ids: Vec::with_capacity(workers),
        };
        for index in 0..workers {
            let name = format!("{prefix}-{index}");
            let shared = pool.shared.clone();
            match thread::spawn::<B, _, _>(name.clone(), move || work(shared, 0)) {
                Ok(handle) => {
                    pool.worker_ids.push(handle.id());
                    pool.workers.lock().push(handle);
                }
                Err(source) => {
                    // The workers never started will never leave their loop.
                    pool.shared.state.lock().live_workers -= workers - index;
                    drop(pool); // closes and joins the ones that did start
                    return Err(BuildError::Spawn { name, source });
                }
            }
        }
        Ok(pool)
    }

    /// The number of worker threads.
    pub fn workers(&self) -> usize {
        self.worker_ids.len()
    }

    /// The queue's capacity.
    pub fn capacity(&self) -> usize {
        self.shared.capacity
    }

    /// The policy `submit` applies to a full queue.
    pub fn policy(&self) -> RejectionPolicy {
        self.shared.policy
    }

    /// A consistent snapshot of the accounting (taken under the pool's lock).
    pub fn metrics(&self) -> Metrics {
        self.shared.state.lock().metrics
    }

    /// Whether shutdown has begun (no new task is accepted).
    pub fn is_shutdown(&self) -> bool {
        self.shared.state.lock().closed
    }

    /// Err if the caller is one of this pool's workers: it must not wait for
    /// the workers to finish, since it is one of them.
    pub(crate) fn refuse_if_worker(&self) -> Result<(), LifecycleError> {
        let me = thread::current_id::<B>();
        if self.worker_ids.contains(&me) {
            let thread = thread::current_name::<B>().unwrap_or_else(|| format!("{me:?}"));
            return Err(LifecycleError::FromWorker { thread });
        }
        Ok(())
    }
}

impl<B: Backend> fmt::Debug for Pool<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("backend", &B::NAME)
            .field("workers", &self.workers())
            .field("capacity", &self.capacity())
            .field("metrics", &self.metrics())
            .finish()
    }
}
