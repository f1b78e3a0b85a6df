//! Guarantee: a task set yields every inserted task's outcome exactly once,
//! whichever order the tasks finish in, and reports empty only after the
//! last one (its results queue is fed by completion callbacks from the
//! workers, so a lost wake-up would hang `join_next`).

use executor::sync::Backend;
use executor::{Pool, TaskSet};

/// Scenario: two workers, two tasks, collected through a `TaskSet`.
pub fn task_set_collects<B: Backend>() {
    let pool = Pool::<B>::builder().workers(2).build().unwrap();
    let mut set = TaskSet::new();
    set.insert(pool.submit(|| 1_u64).unwrap());
    set.insert(pool.submit(|| 2_u64).unwrap());
    let mut values: Vec<u64> = set
        .join_all()
        .into_iter()
        .map(|(_, outcome)| outcome.unwrap())
        .collect();
    values.sort_unstable();
    assert_eq!(values, vec![1, 2]);
    pool.shutdown().unwrap();
}
