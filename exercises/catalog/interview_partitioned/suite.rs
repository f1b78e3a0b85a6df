//! Grades `interview_partitioned`: two workers, a few keyed tasks that
//! record which task ran and on which worker.

use super::answer::{PartitionedExecutor, Task};
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, gated};

type Log<B> = Arc<B, Events<B, (u32, String)>>;

/// A task that records `id` and the worker that ran it.
fn record<B: Backend>(log: &Log<B>, id: u32) -> Task {
    let log = log.clone();
    Box::new(move || log.push((id, thread::current_name::<B>().unwrap_or_default())))
}

/// Two keys that `partition_of` sends to different workers.
fn two_partitions<B: Backend>(pool: &PartitionedExecutor<B>) -> (String, String) {
    let first = "key-0".to_string();
    let other = (1..100)
        .map(|i| format!("key-{i}"))
        .find(|k| pool.partition_of(k) != pool.partition_of(&first))
        .expect("partition_of sent key-0 .. key-99 all to one worker: the hash does not spread keys");
    (first, other)
}

/// Guarantee: a key's tasks run in submission order, all on worker
/// `partition_of(key)`.
fn same_key_in_order_on_its_worker<B: Backend>() {
    let pool = PartitionedExecutor::<B>::new(2, 2);
    let log: Log<B> = Events::shared();
    let owner = format!("worker-{}", pool.partition_of("user-7"));
    assert_eq!(pool.partition_of("user-7"), pool.partition_of("user-7"), "partition_of is not stable");
    for id in [1, 2] {
        assert!(pool.submit("user-7", record(&log, id)).is_ok(), "submit({id}) refused with room");
    }
    pool.shutdown();
    let ran = log.entries();
    let ids: Vec<u32> = ran.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [1, 2], "tasks of one key ran out of submission order (or not once each)");
    for (id, worker) in &ran {
        assert_eq!(worker, &owner, "task {id} of key user-7 ran on {worker}, not its owner {owner}");
    }
}

/// Guarantee: keys on different workers run in parallel: a task may wait
/// for another key's task without deadlock.
fn different_keys_run_in_parallel<B: Backend>() {
    let pool = PartitionedExecutor::<B>::new(2, 1);
    let (a, b) = two_partitions(&pool);
    let gate = Latch::<B>::shared();
    let waits: Task = {
        let gate = gate.clone();
        Box::new(move || gate.wait())
    };
    let opens: Task = Box::new(move || gate.set());
    assert!(pool.submit(&a, waits).is_ok(), "submit refused on an empty pool");
    assert!(pool.submit(&b, opens).is_ok(), "submit refused on an empty queue");
    pool.shutdown(); // hangs if the two keys were serialised on one worker
}

/// Guarantee: a hot key fills its own worker's queue (visible in
/// `depths()`) and is refused there, while other keys still get in.
fn hot_partition_shows_in_depths<B: Backend>() {
    let pool = PartitionedExecutor::<B>::new(2, 2);
    let (hot, cold) = two_partitions(&pool);
    let (p, q) = (pool.partition_of(&hot), pool.partition_of(&cold));
    let log: Log<B> = Events::shared();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let busy: Task = Box::new(gated(&started, &release));
    assert!(pool.submit(&hot, busy).is_ok(), "submit refused on an empty pool");
    started.wait(); // worker p is busy with the hot key
    for id in [1, 2] {
        assert!(pool.submit(&hot, record(&log, id)).is_ok(), "hot submit {id} refused with room");
    }
    let depths = pool.depths();
    assert_eq!(depths.len(), 2, "depths() must have one entry per worker");
    assert_eq!((depths[p], depths[q]), (2, 0), "the hot key's queue is worker {p}'s: depths() = {depths:?}");
    assert!(pool.submit(&hot, record(&log, 3)).is_err(), "a full partition must refuse (capacity 2 per worker)");
    assert!(pool.submit(&cold, record(&log, 4)).is_ok(), "a cold key was refused because another partition is full");
    release.set();
    pool.shutdown();
    let hot_ids: Vec<u32> = log.entries().iter().map(|(id, _)| *id).filter(|id| *id < 3).collect();
    assert_eq!(hot_ids, [1, 2], "the hot key's queued tasks ran out of order");
}

/// Guarantee: two submitters racing for the last free slot of one
/// partition: exactly one is accepted (the check and the push are one
/// step), and the partition never holds more than its capacity.
fn submitters_race_for_the_last_slot<B: Backend>() {
    let pool = Arc::<B, _>::new(PartitionedExecutor::<B>::new(1, 1));
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let log: Log<B> = Events::shared();
    let busy: Task = Box::new(gated(&started, &release));
    assert!(pool.submit("k", busy).is_ok(), "submit refused on an empty pool");
    started.wait(); // the only worker is busy: one free slot is left
    let (p, l) = (pool.clone(), log.clone());
    let other = spawn::<B, _>("submitter", move || p.submit("k", record(&l, 1)).is_ok());
    let mine = pool.submit("k", record(&log, 2)).is_ok();
    let theirs = join(other);
    let depths = pool.depths();
    release.set();
    pool.shutdown();
    assert!(
        mine ^ theirs,
        "capacity 1 with the worker busy: exactly one of two racing submits must be accepted (caller: {mine}, other: {theirs}, depths: {depths:?})"
    );
}

exercises::suite! {
    exercise: "interview_partitioned",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        same_key_in_order_on_its_worker,
        different_keys_run_in_parallel,
        hot_partition_shows_in_depths,
        submitters_race_for_the_last_slot,
    ],
}
