//! Guarantee: priorities with aging. The highest level waiting runs
//! first, FIFO within a level, but a task at the head of its level is
//! passed over by at most the aging bound of higher-priority tasks: under
//! a steady stream of urgent work, a low-priority task still runs.

use super::support::{Latch, Log};
use executor::sync::{Backend, thread};
use executor::{Pool, Priority};

// ANCHOR: low_priority_not_starved
/// One worker, held at a latch while a low task and three high ones
/// queue (two from another thread, racing the third): with an aging
/// bound of 1, the low task runs after exactly one high task.
pub fn low_priority_not_starved<B: Backend>() {
    let pool = executor::sync::Arc::<B, _>::new(
        Pool::<B>::builder()
            .workers(1)
            .capacity(4)
            .aging(1)
            .build()
            .unwrap(),
    );
    let log = Log::<B, &'static str>::shared();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let (s, r) = (started.clone(), release.clone());
    pool.execute(move || {
        s.set();
        r.wait();
    })
    .unwrap();
    started.wait();
    let l = log.clone();
    pool.execute_at(Priority::Low, move || l.push("low"))
        .unwrap();
    let urgent = {
        let (pool, log) = (pool.clone(), log.clone());
        thread::spawn::<B, _, _>("urgent".into(), move || {
            for _ in 0..2 {
                let l = log.clone();
                pool.execute_at(Priority::High, move || l.push("high"))
                    .unwrap();
            }
        })
        .unwrap()
    };
    let l = log.clone();
    pool.execute_at(Priority::High, move || l.push("high"))
        .unwrap();
    urgent.join().unwrap();
    release.set();
    pool.wait_idle().unwrap();
    assert_eq!(
        log.entries(),
        ["high", "low", "high", "high"],
        "the low task was passed over by more than one high task"
    );
    pool.shutdown().unwrap();
}
// ANCHOR_END: low_priority_not_starved
