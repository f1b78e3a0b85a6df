//! Guarantee: priorities with aging. The highest level waiting runs
//! first, FIFO within a level, but a task at the head of its level is
//! passed over by at most the aging bound of higher-priority tasks: under
//! a steady stream of urgent work, a low-priority task still runs.

use super::support::{Latch, Log};
use executor::sync::{Arc, Backend, thread};
use executor::{Pool, Priority};

/// A task, as both pools' `execute_at` take it.
pub(crate) type Task = Box<dyn FnOnce() + Send + 'static>;

// ANCHOR: low_behind_highs
/// The race both pools' scenarios run on a one-worker pool with an aging
/// bound of 1: the worker is held at a latch (a task at Normal) while a
/// low task and three high ones queue, two of them from another thread
/// racing the third; then it is let go. `at` queues a task at a priority.
/// Returns the log the tasks write as they run.
pub(crate) fn low_behind_highs<B: Backend, P: Send + Sync + 'static>(
    pool: &Arc<B, P>,
    at: fn(&P, Priority, Task),
) -> Arc<B, Log<B, &'static str>> {
    let log = Log::<B, &'static str>::shared();
    let logs = |entry| -> Task {
        let l = log.clone();
        Box::new(move || l.push(entry))
    };
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let (s, r) = (started.clone(), release.clone());
    at(
        pool,
        Priority::Normal,
        Box::new(move || {
            s.set();
            r.wait();
        }),
    );
    started.wait();
    at(pool, Priority::Low, logs("low"));
    let urgent = {
        let (pool, highs) = (pool.clone(), [logs("high"), logs("high")]);
        thread::spawn::<B, _, _>("urgent".into(), move || {
            highs.into_iter().for_each(|t| at(&pool, Priority::High, t));
        })
        .unwrap()
    };
    at(pool, Priority::High, logs("high"));
    urgent.join().unwrap();
    release.set();
    log
}

/// What the aging bound of 1 allows: the low task runs after exactly one
/// high task.
pub(crate) fn ran_after_one_high<B: Backend>(log: &Log<B, &'static str>) {
    assert_eq!(
        log.entries(),
        ["high", "low", "high", "high"],
        "the low task was passed over by more than one high task"
    );
}
// ANCHOR_END: low_behind_highs

// ANCHOR: low_priority_not_starved
/// The locked pool: its lane's levels, aging under the lane's lock.
pub fn low_priority_not_starved<B: Backend>() {
    let pool = Arc::<B, _>::new(
        Pool::<B>::builder()
            .workers(1)
            .capacity(4)
            .aging(1)
            .build()
            .unwrap(),
    );
    let log = low_behind_highs(&pool, |pool, priority, task| {
        pool.execute_at(priority, task).unwrap();
    });
    pool.wait_idle().unwrap();
    ran_after_one_high(&log);
    pool.shutdown().unwrap();
}
// ANCHOR_END: low_priority_not_starved
