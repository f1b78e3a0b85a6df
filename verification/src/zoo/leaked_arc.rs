//! **A leaked `Arc`: a reference cycle.** The pool keeps a registry of its
//! workers (to report on them and shut them down), and each worker keeps
//! an `Arc` of the pool (to reach its queue and counters). Pool → registry
//! → worker → pool: a cycle of strong references. When the last outside
//! handle goes, each still holds the other, the counts never reach zero,
//! and neither is ever freed. Every pool created and shut down leaks.
//!
//! The interleaving: none is needed; every execution leaks. Nothing fails
//! either: the program runs, its results are right, the memory is simply
//! gone. Only a checker that audits allocations sees it: loom checks, at
//! the end of every execution, that each of its `Arc`s was dropped, and
//! fails the model with "Arc leaked" when one was not.
//!
//! The fix: break the cycle by hand. The backend has no `Weak`, so
//! shutdown *takes* the registry (`std::mem::take` on the `Vec` under the
//! lock) and drops the workers' records: the pool stops owning its
//! workers, and each worker's `Arc` of the pool goes with it. (With `Weak`,
//! the worker would hold a `Weak` of the pool instead.)

use super::{Bug, Checker, program};
use executor::sync::{Arc, AtomicUsize, Backend, Mutex, Ordering, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "leaked_arc",
    summary: "a pool and its workers hold each other's Arc, so neither is ever freed",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: &[Checker::Loom],
    blind_spots: "a leak fails no assertion: shuttle's Arc is std's and nothing checks it \
                  for leaks, and neither does anything on real threads",
    spurious: false,
};

// ANCHOR: setup
struct Pool<B: Backend> {
    /// The pool's record of its workers: the strong edge pool → worker.
    workers: Mutex<B, Vec<Arc<B, Worker<B>>>>,
    /// Tasks run by all workers.
    ran: AtomicUsize<B>,
}

struct Worker<B: Backend> {
    /// The pool this worker serves: the strong edge worker → pool.
    pool: Arc<B, Pool<B>>,
    /// Tasks run by this worker.
    ran: AtomicUsize<B>,
}

impl<B: Backend> Worker<B> {
    fn run_task(&self) {
        // Relaxed: counters, read by main after join().
        self.ran.fetch_add(1, Ordering::Relaxed);
        // Relaxed: as above.
        self.pool.ran.fetch_add(1, Ordering::Relaxed);
    }
}

fn run<B: Backend>(shutdown: fn(&Pool<B>)) {
    let pool = Arc::<B, _>::new(Pool::<B> {
        workers: Mutex::new(Vec::new()),
        ran: AtomicUsize::new(0),
    });
    let worker = Arc::<B, _>::new(Worker::<B> {
        pool: pool.clone(),
        ran: AtomicUsize::new(0),
    });
    let running = worker.clone();
    let t = thread::spawn::<B, _, _>("worker".into(), move || running.run_task()).unwrap();
    // Registered while it runs, as a pool records each worker it starts.
    pool.workers.lock().push(worker);
    t.join().unwrap();
    shutdown(&pool);
    // Relaxed: join() ordered the worker's increment before this load.
    assert_eq!(pool.ran.load(Ordering::Relaxed), 1);
    // The guarantee (loom checks it when the execution ends): dropping the
    // last handle frees the pool and its workers.
    drop(pool);
}
// ANCHOR_END: setup

// ANCHOR: broken
/// Leaves the registry in place: pool and worker keep each other alive.
pub fn broken<B: Backend>() {
    run::<B>(|_pool| {});
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// Takes the registry: the worker records, and with them the cycle, go.
pub fn fixed<B: Backend>() {
    run::<B>(|pool| {
        let workers = std::mem::take(&mut *pool.workers.lock());
        for worker in &workers {
            // Relaxed: the worker has been joined; this is a final tally.
            assert_eq!(worker.ran.load(Ordering::Relaxed), 1);
        }
        drop(workers);
    });
}
// ANCHOR_END: fixed
