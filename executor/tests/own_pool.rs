//! Waiting on your own pool from inside its task: a blocking submit into
//! the full lane that only the caller serves, or a join of a task queued
//! behind the caller on that lane, would wait for the caller itself. The
//! pool sees that case and has the caller do the work instead: it runs the
//! lane's next tasks, in their order, as it would have next anyway. Where
//! another worker can make progress, it waits as usual. `within` is a
//! watchdog only: before the change, these tests hung until it fired.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::within;

use executor::{Executor, PartitionedPool};
use std::sync::{Arc, Mutex};

/// Who ran what, in order: (task, thread name).
type Ran = Arc<Mutex<Vec<(u32, String)>>>;

fn note(ran: &Ran, task: u32) -> impl FnOnce() -> u32 + Send + 'static {
    let ran = ran.clone();
    move || {
        let me = std::thread::current().name().unwrap_or("?").to_owned();
        ran.lock().unwrap().push((task, me));
        task
    }
}

#[test]
fn a_blocking_submit_into_the_lane_you_serve_runs_its_head_instead() {
    let pool: Arc<PartitionedPool<_>> = Arc::new(
        Executor::builder()
            .workers(2)
            .capacity(1)
            .build_partitioned()
            .unwrap(),
    );
    let ran: Ran = Arc::default();
    let (inner, r) = (pool.clone(), ran.clone());
    let outer = pool
        .submit(&"k", move || {
            let first = inner.submit(&"k", note(&r, 1)).unwrap(); // fills the lane
            let second = inner.submit(&"k", note(&r, 2)).unwrap(); // runs `first` here
            let first_done_inline = first.is_finished();
            (first.join(), second, first_done_inline)
        })
        .unwrap();
    let (first, second, inline) = within("a submit into the caller's own full lane", move || {
        outer.join()
    })
    .unwrap();
    assert!(inline, "the lane's head ran on the submitting worker");
    assert_eq!(
        (first, within("the second", move || second.join())),
        (Ok(1), Ok(2))
    );
    let ran = ran.lock().unwrap().clone();
    assert_eq!(
        ran.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        vec![1, 2],
        "in order"
    );
    let lane = &ran[0].1;
    assert!(
        ran.iter().all(|(_, thread)| thread == lane),
        "one lane, one worker: {ran:?}"
    );
    let m = pool.metrics();
    assert!(
        m.is_consistent() && m.completed == 3 && m.rejected == 0,
        "{m:?}"
    );
}

#[test]
fn a_shared_pool_with_one_worker_does_the_same() {
    let pool = Arc::new(Executor::builder().workers(1).capacity(1).build().unwrap());
    let ran: Ran = Arc::default();
    let (inner, r) = (pool.clone(), ran.clone());
    let outer = pool
        .submit(move || {
            let first = inner.submit(note(&r, 1)).unwrap();
            let second = inner.submit(note(&r, 2)).unwrap();
            (first.join(), second)
        })
        .unwrap();
    let (first, second) = within("a submit into the only worker's full queue", move || {
        outer.join()
    })
    .unwrap();
    assert_eq!(
        (first, within("the second", move || second.join())),
        (Ok(1), Ok(2))
    );
}

#[test]
fn with_another_worker_to_make_room_a_submit_waits_as_usual() {
    let pool = Arc::new(Executor::builder().workers(2).capacity(1).build().unwrap());
    let inner = pool.clone();
    let outer = pool
        .submit(move || {
            let me = std::thread::current().name().map(str::to_owned);
            let first = inner
                .submit(|| std::thread::current().name().map(str::to_owned))
                .unwrap();
            // The other worker takes `first` off the queue, freeing the slot.
            let second = inner.submit(|| 2).unwrap();
            (me, first.join(), second.join())
        })
        .unwrap();
    let (me, first, second) = within("a submit another worker makes room for", move || {
        outer.join()
    })
    .unwrap();
    assert_ne!(
        first.unwrap(),
        me,
        "the other worker ran it: no helping needed"
    );
    assert_eq!(second, Ok(2));
}

#[test]
fn joining_a_task_queued_behind_you_runs_the_lane_up_to_it() {
    let pool: Arc<PartitionedPool<_>> =
        Arc::new(Executor::builder().workers(2).build_partitioned().unwrap());
    let ran: Ran = Arc::default();
    let (inner, r) = (pool.clone(), ran.clone());
    let outer = pool
        .submit(&"k", move || {
            let ahead = inner.submit(&"k", note(&r, 1)).unwrap();
            let behind = inner.submit(&"k", note(&r, 2)).unwrap();
            let after = inner.submit(&"k", note(&r, 3)).unwrap();
            let joined = behind.join(); // runs 1, then 2, here
            (joined, ahead.is_finished(), after.is_finished(), after)
        })
        .unwrap();
    let (joined, ahead_done, after_done, after) =
        within("a join of a task behind the caller", move || outer.join()).unwrap();
    assert_eq!(joined, Ok(2));
    assert!(
        ahead_done && !after_done,
        "ran the lane up to the joined task, no further"
    );
    assert_eq!(within("the rest", move || after.join()), Ok(3));
    let order: Vec<u32> = ran.lock().unwrap().iter().map(|(t, _)| *t).collect();
    assert_eq!(order, vec![1, 2, 3], "the lane's order holds");
}

#[test]
fn joining_a_task_on_another_lane_waits_as_usual() {
    let pool: Arc<PartitionedPool<_>> =
        Arc::new(Executor::builder().workers(2).build_partitioned().unwrap());
    let other = common::key_on(1, 2);
    let inner = pool.clone();
    let outer = pool
        .submit(&common::key_on(0, 2), move || {
            let me = std::thread::current().name().map(str::to_owned);
            let there = inner
                .submit(&other, || std::thread::current().name().map(str::to_owned))
                .unwrap()
                .join()
                .unwrap();
            (me, there)
        })
        .unwrap();
    let (me, there) = within("a join across lanes", move || outer.join()).unwrap();
    assert_ne!(me, there, "the other lane's worker ran it");
}
