//! The pool: named workers serving bounded lanes (one shared lane, or one
//! lane per worker for a partitioned pool).

use crate::builder::Builder;
use crate::error::{BuildError, LifecycleError};
use crate::metrics::Metrics;
use crate::policy::RejectionPolicy;
use crate::queue::{Mode, Settings, Shared, State, WorkerId};
use crate::sync::{Arc, Backend, Condvar, thread};
use crate::worker::{Me, WorkerNo, work};
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
}

/// A worker thread and its serial number (see [`Me`]).
pub(crate) struct Worker<B: Backend> {
    pub(crate) serial: usize,
    pub(crate) handle: thread::JoinHandle<B, ()>,
}

impl<B: Backend> Pool<B> {
    /// A builder with default settings.
    pub fn builder() -> Builder<B> {
        Builder::default()
    }

    /// Starts a pool as `settings` say.
    pub(crate) fn start(settings: Settings<B>) -> Result<Self, BuildError> {
        let pool = Pool {
            shared: Arc::new(Shared::new(&settings)),
        };
        let mut handles = pool.shared.workers.lock();
        let mut state = pool.shared.state.lock();
        let lanes: Vec<usize> = match settings.mode {
            Mode::Shared => vec![0; settings.workers],
            Mode::Partitioned => (0..settings.workers).collect(),
        };
        let result = spawn_workers(&pool.shared, &mut handles, &mut state, lanes);
        drop(state);
        drop(handles);
        // On failure, dropping the pool closes it and joins those started.
        result.map(|()| pool)
    }

    /// Takes out the workers that have left their loop for good (retired
    /// by a resize or the keep-alive), to be reaped.
    pub(crate) fn take_retired(
        &self,
        handles: &mut Vec<Worker<B>>,
        state: &mut State,
    ) -> Vec<Worker<B>> {
        let (retired, serving): (Vec<_>, Vec<_>) = core::mem::take(handles)
            .into_iter()
            .partition(|w| state.exited.contains(&w.serial));
        *handles = serving;
        for worker in &retired {
            state.exited.remove(&worker.serial);
        }
        retired
    }

    /// Joins workers that have left their loop (their threads end at once)
    /// and forgets their identities, so a pool resized again and again
    /// holds no finished threads. Called with no lock held.
    pub(crate) fn reap(&self, retired: Vec<Worker<B>>) {
        if retired.is_empty() {
            return;
        }
        let ids: Vec<B::ThreadId> = retired.iter().map(|w| w.handle.id()).collect();
        for worker in retired {
            // `Err` would be a bug in the pool (a worker catches every
            // task panic); the thread has ended either way.
            let _ = worker.handle.join();
        }
        self.shared
            .worker_ids
            .lock()
            .retain(|w| !ids.contains(&w.thread));
    }

    /// The number of worker threads serving now.
    pub fn workers(&self) -> usize {
        self.shared.state.lock().live_workers
    }

    /// The pool's name: its workers are named `{name}-{index}`.
    ///
    /// ```
    /// use executor::Executor;
    /// let pool = Executor::builder().name_prefix("api").build().unwrap();
    /// assert_eq!(pool.name(), "api");
    /// assert!(format!("{pool:?}").contains("\"api\""));
    /// ```
    pub fn name(&self) -> &str {
        &self.shared.prefix
    }

    /// The queue's capacity (per lane, in a partitioned pool).
    pub fn capacity(&self) -> usize {
        self.shared.capacity
    }

    /// The policy `submit` applies to a full queue.
    pub fn policy(&self) -> RejectionPolicy {
        self.shared.policy
    }

    // ANCHOR: metrics_snapshot
    /// A consistent snapshot of the accounting (taken under the pool's lock).
    pub fn metrics(&self) -> Metrics {
        self.shared.state.lock().metrics
    }
    // ANCHOR_END: metrics_snapshot

    /// Whether shutdown has begun (no new task is accepted).
    pub fn is_shutdown(&self) -> bool {
        self.shared.state.lock().closed
    }

    /// Waits on `signal` for at most `timeout` until `done` holds of the
    /// state; `Ok(true)` if it does. Refused from inside one of the pool's
    /// own tasks: what it waits for would wait for the caller.
    pub(crate) fn wait_for(
        &self,
        signal: &Condvar<B>,
        timeout: core::time::Duration,
        done: fn(&State) -> bool,
    ) -> Result<bool, LifecycleError> {
        self.refuse_if_worker()?;
        let state = self.shared.state.lock();
        let (_, timed_out) = signal.wait_while_timeout(state, timeout, |s| !done(s));
        Ok(!timed_out)
    }

    // ANCHOR: refuse_if_worker
    /// Err if the caller is one of this pool's workers: it must not wait for
    /// the workers to finish, since it is one of them.
    pub(crate) fn refuse_if_worker(&self) -> Result<(), LifecycleError> {
        let me = thread::current_id::<B>();
        if self.shared.worker_ids.lock().iter().any(|w| w.thread == me) {
            let thread = thread::current_name::<B>().unwrap_or_else(|| format!("{me:?}"));
            return Err(LifecycleError::FromWorker { thread });
        }
        Ok(())
    }
    // ANCHOR_END: refuse_if_worker
}

impl<B: Backend> fmt::Debug for Pool<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("name", &self.shared.prefix)
            .field("backend", &B::NAME)
            .field("workers", &self.workers())
            .field("capacity", &self.capacity())
            .field("metrics", &self.metrics())
            .finish()
    }
}

// ANCHOR: spawn_workers
/// Starts one worker per entry of `lanes`, serving that lane (lane 0, for
/// each worker of a shared pool), and keeps their handles. The caller
/// holds the handles' lock and the state lock throughout, so no task is
/// routed while workers are being added and no shutdown misses one; each
/// new worker starts by waiting for the state lock. A partitioned pool's
/// workers are named by their lane, a shared pool's by their serial
/// number. Called by the builder, a resize, and a dying worker's
/// supervision.
pub(crate) fn spawn_workers<B: Backend>(
    shared: &Arc<B, Shared<B>>,
    handles: &mut Vec<Worker<B>>,
    state: &mut State,
    lanes: Vec<usize>,
) -> Result<(), BuildError> {
    for lane in lanes {
        let serial = state.next_index;
        let index = match shared.mode {
            Mode::Shared => serial,
            Mode::Partitioned => lane,
        };
        let name = format!("{}-{index}", shared.prefix);
        let me = Me {
            serial,
            index,
            lane,
            name: name.clone(),
        };
        let for_worker = shared.clone();
        let handle = thread::spawn::<B, _, _>(name.clone(), move || work(for_worker, me))
            .map_err(|source| BuildError::Spawn { name, source })?;
        // Counted live before it can run, so shutdown waits for it.
        state.next_index += 1;
        state.live_workers += 1;
        state.served[lane] = true;
        shared.worker_ids.lock().push(WorkerId {
            thread: handle.id(),
            lane,
            no: WorkerNo { serial, index },
        });
        handles.push(Worker { serial, handle });
    }
    Ok(())
}
// ANCHOR_END: spawn_workers
