//! Small tools the scenarios share, built from backend primitives only (a
//! std primitive inside a model would be invisible to the checker).

use executor::sync::{Arc, Backend, Condvar, Mutex};

/// A one-shot event (Python's `threading.Event` without `clear`): `set`
/// once, `wait` until set.
pub struct Latch<B: Backend> {
    set: Mutex<B, bool>,
    cv: Condvar<B>,
}

impl<B: Backend> Latch<B> {
    /// A latch that is not set, shared.
    pub fn shared() -> Arc<B, Self> {
        Arc::new(Self {
            set: Mutex::new(false),
            cv: Condvar::new(),
        })
    }

    /// Sets the latch and wakes every waiter.
    pub fn set(&self) {
        *self.set.lock() = true;
        self.cv.notify_all();
    }

    /// Blocks until the latch is set.
    pub fn wait(&self) {
        drop(self.cv.wait_while(self.set.lock(), |set| !*set));
    }
}

/// An append-only, shared record of events in the order they happened:
/// by default the ids of the tasks that ran, in run order. The exercises'
/// suites log any event type with it, to judge a whole trace.
pub struct Log<B: Backend, T: Send = u64> {
    entries: Mutex<B, Vec<T>>,
}

impl<B: Backend, T: Send + Clone> Log<B, T> {
    /// An empty log, shared.
    pub fn shared() -> Arc<B, Self> {
        Arc::new(Self {
            entries: Mutex::new(Vec::new()),
        })
    }

    /// Records one event (the id of a task that ran).
    pub fn push(&self, event: T) {
        self.entries.lock().push(event);
    }

    /// The events so far, in order.
    pub fn entries(&self) -> Vec<T> {
        self.entries.lock().clone()
    }

    /// The events sorted, to compare as a set that may hold duplicates.
    pub fn sorted(&self) -> Vec<T>
    where
        T: Ord,
    {
        let mut ids = self.entries();
        ids.sort_unstable();
        ids
    }
}

/// A task that logs its id and returns it.
pub fn logging<B: Backend>(log: &Arc<B, Log<B>>, id: u64) -> impl FnOnce() -> u64 + Send + 'static {
    let log = log.clone();
    move || {
        log.push(id);
        id
    }
}

/// A task that says it started, then waits for `release`: it occupies a
/// worker for as long as the scenario needs a full queue.
pub fn gated<B: Backend>(
    started: &Arc<B, Latch<B>>,
    release: &Arc<B, Latch<B>>,
) -> impl FnOnce() + Send + 'static {
    let (started, release) = (started.clone(), release.clone());
    move || {
        started.set();
        release.wait();
    }
}

// ANCHOR: key_routed
/// The first key (a small integer) that routes to `lane` of `workers`, and
/// to `then` once the pool has `then_workers`: scenarios pick keys by where
/// they route instead of hard-coding hash values.
pub fn key_routed(workers: usize, lane: usize, then_workers: usize, then: usize) -> u64 {
    use executor::routing::worker_for;
    (0..)
        .find(|k| worker_for(k, workers) == lane && worker_for(k, then_workers) == then)
        .expect("some key routes anywhere")
}
// ANCHOR_END: key_routed

/// A shared pool's only worker, held busy by a gated task until released:
/// the way a scenario makes the queue fill deterministically.
pub struct Busy<B: Backend> {
    release: Arc<B, Latch<B>>,
    handle: executor::TaskHandle<B, ()>,
}

impl<B: Backend> Busy<B> {
    /// Submits the gated task and waits until a worker is running it.
    pub fn occupy(pool: &executor::Pool<B>) -> Self {
        let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
        let handle = pool.submit(gated(&started, &release)).unwrap();
        started.wait();
        Self { release, handle }
    }

    /// Lets the task finish and waits for it.
    pub fn release(self) {
        self.release.set();
        self.handle.join().unwrap();
    }
}

/// A partitioned pool of two workers with lanes of `capacity`, and a key
/// routed to each worker: `(pool, key_a, key_b)`.
pub fn two_lanes<B: Backend>(capacity: usize) -> (executor::PartitionedPool<B>, u64, u64) {
    let pool = executor::Pool::<B>::builder()
        .workers(2)
        .capacity(capacity)
        .build_partitioned()
        .unwrap();
    (pool, key_routed(2, 0, 2, 0), key_routed(2, 1, 2, 1))
}

/// What a submitter racing a shutdown checks: an accepted task (id 1) runs
/// and its handle says so; a refused one comes back intact with
/// `ShuttingDown`. Returns whether it was accepted.
pub fn accepted_or_refused<B: Backend, F: FnOnce() -> u64>(
    submitted: Result<executor::TaskHandle<B, u64>, executor::Rejected<F>>,
) -> bool {
    match submitted {
        Ok(handle) => {
            assert_eq!(handle.join(), Ok(1), "an accepted task runs");
            true
        }
        Err(refused) => {
            assert_eq!(refused.reason, executor::RejectReason::ShuttingDown);
            assert_eq!((refused.task)(), 1, "the refused task comes back intact");
            false
        }
    }
}
