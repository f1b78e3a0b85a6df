//! # A DAG scheduler: reference solution
//!
//! Before any thread starts, the graph is turned around: for each task,
//! the tasks that depend on it (`dependents`), which never change and are
//! shared without a lock. Everything that changes sits under one mutex:
//! the ready queue, each task's count of unfinished dependencies, and the
//! number of unfinished tasks.
//!
//! A worker takes a ready task under the lock and runs it with the lock
//! released. Then, in one critical section, it counts the task finished
//! and decrements each dependent's count, queueing the dependents that
//! reach zero: the decrement and the test are one step, so exactly one
//! worker (the last dependency to finish) queues each task, once.
//!
//! A worker waits while the queue is empty and some task is unfinished:
//! an empty queue alone means nothing while another worker runs a task
//! whose dependents are not queued yet. When the count of unfinished
//! tasks reaches zero the queue stays empty for good, and that is the
//! signal to leave. Every finish is followed by `notify_all`: it may have
//! made several tasks ready, or ended the run for every idle worker.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//! from collections import deque
//!
//! def run_dag(deps, workers, run):
//!     dependents = [[] for _ in deps]
//!     for task, needs in enumerate(deps):
//!         for d in needs:
//!             dependents[d].append(task)
//!     unfinished_deps = [len(needs) for needs in deps]
//!     ready = deque(t for t, n in enumerate(unfinished_deps) if n == 0)
//!     state = {"unfinished": len(deps)}
//!     cond = threading.Condition()
//!
//!     def work():
//!         while True:
//!             with cond:
//!                 cond.wait_for(lambda: ready or state["unfinished"] == 0)
//!                 if not ready:
//!                     return
//!                 task = ready.popleft()
//!             run(task)
//!             with cond:
//!                 state["unfinished"] -= 1
//!                 for t in dependents[task]:
//!                     unfinished_deps[t] -= 1
//!                     if unfinished_deps[t] == 0:
//!                         ready.append(t)
//!                 cond.notify_all()
//!
//!     threads = [threading.Thread(target=work, name="worker-%d" % i)
//!                for i in range(workers)]
//!     for t in threads:
//!         t.start()
//!     for t in threads:
//!         t.join()
//! ```

use exercises::prelude::*;

/// What the workers share, all under one lock.
struct Schedule {
    /// Tasks whose dependencies have all finished, not yet taken.
    ready: VecDeque<usize>,
    /// For each task, how many of its dependencies have not finished.
    unfinished_deps: Vec<usize>,
    /// Tasks not finished yet (taken or not).
    unfinished: usize,
}

/// The scheduler's shared part.
struct Shared<B: Backend, F> {
    schedule: Mutex<B, Schedule>,
    changed: Condvar<B>,
    /// For each task, the tasks that depend on it (fixed).
    dependents: Vec<Vec<usize>>,
    run: F,
}

/// Runs every task of the graph `deps` on `workers` threads, each after
/// its dependencies; returns when all have finished.
pub fn run_dag<B, F>(deps: Vec<Vec<usize>>, workers: usize, run: F)
where
    B: Backend,
    F: Fn(usize) + Send + Sync + 'static,
{
    let mut dependents = vec![Vec::new(); deps.len()];
    for (task, needs) in deps.iter().enumerate() {
        for &need in needs {
            dependents[need].push(task);
        }
    }
    let unfinished_deps: Vec<usize> = deps.iter().map(Vec::len).collect();
    let ready = (0..deps.len())
        .filter(|&t| unfinished_deps[t] == 0)
        .collect();
    let shared = Arc::<B, _>::new(Shared::<B, F> {
        schedule: Mutex::new(Schedule {
            ready,
            unfinished_deps,
            unfinished: deps.len(),
        }),
        changed: Condvar::new(),
        dependents,
        run,
    });
    let handles: Vec<_> = (0..workers)
        .map(|i| {
            let shared = shared.clone();
            spawn::<B, _>(format!("worker-{i}"), move || work(&shared))
        })
        .collect();
    handles.into_iter().for_each(join);
}

/// One worker: take a ready task, run it, release its dependents; leave
/// once every task has finished.
fn work<B: Backend, F: Fn(usize)>(shared: &Shared<B, F>) {
    loop {
        let mut schedule = shared.changed.wait_while(shared.schedule.lock(), |s| {
            s.ready.is_empty() && s.unfinished > 0
        });
        let Some(task) = schedule.ready.pop_front() else {
            return; // nothing ready and nothing unfinished: the run is over
        };
        drop(schedule);
        (shared.run)(task);
        let mut schedule = shared.schedule.lock();
        schedule.unfinished -= 1;
        for &next in &shared.dependents[task] {
            schedule.unfinished_deps[next] -= 1;
            if schedule.unfinished_deps[next] == 0 {
                schedule.ready.push_back(next);
            }
        }
        drop(schedule);
        shared.changed.notify_all();
    }
}
