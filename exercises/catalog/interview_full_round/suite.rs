//! Grades `interview_full_round`, stage by stage: each scenario's name
//! starts with its stage (`stage1_`, `stage2_`, `stage3_`), which is how
//! the drill reports the stages apart. Pools of one or two workers run a
//! few tasks that record what they did and where.

use super::answer::{Executor, Metrics, Task};
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, gated};

type Log<B> = Arc<B, Events<B, (u32, String)>>;

/// A task that records `id` and the worker that ran it.
fn record<B: Backend>(log: &Log<B>, id: u32) -> Task {
    let log = log.clone();
    Box::new(move || log.push((id, thread::current_name::<B>().unwrap_or_default())))
}

fn ids<B: Backend>(log: &Log<B>) -> Vec<u32> {
    log.entries().iter().map(|(id, _)| *id).collect()
}

/// A task that panics, as a failing request would.
fn failing() -> Task {
    Box::new(|| panic!("deliberate panic: a task fails"))
}

fn balanced(m: &Metrics) -> bool {
    m.submitted == m.accepted + m.rejected && m.accepted == m.completed + m.failed + m.queued + m.running
}

/// Two keys that `partition_of` sends to different workers.
fn two_partitions<B: Backend>(pool: &Executor<B>) -> (String, String) {
    let first = "key-0".to_string();
    let other = (1..100)
        .map(|i| format!("key-{i}"))
        .find(|k| pool.partition_of(k) != pool.partition_of(&first))
        .expect("partition_of sent key-0 .. key-99 all to one worker: the hash does not spread keys");
    (first, other)
}

// ---- stage 1: the executor ----

/// Guarantee: with two named workers racing for the shared queue, every
/// accepted task runs exactly once, on a worker called `worker-<i>`.
fn stage1_every_task_runs_once_on_a_named_worker<B: Backend>() {
    let pool = Executor::<B>::new(2, 2);
    let log: Log<B> = Events::shared();
    for id in 0..2 {
        assert!(pool.try_submit(record(&log, id)).is_ok(), "try_submit({id}) refused with room in the queue");
    }
    pool.shutdown();
    let mut ran = log.entries();
    ran.sort();
    let ran_ids: Vec<u32> = ran.iter().map(|(id, _)| *id).collect();
    assert_eq!(ran_ids, [0, 1], "each accepted task must run exactly once (ran: {ran:?})");
    for (id, worker) in &ran {
        assert!(["worker-0", "worker-1"].contains(&worker.as_str()), "task {id} ran on {worker:?}, not worker-0 or worker-1");
    }
}

/// Guarantee: a full queue refuses at once and hands the task back; the
/// refusal is counted.
fn stage1_full_queue_refuses_at_once<B: Backend>() {
    let pool = Executor::<B>::new(1, 1);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let log: Log<B> = Events::shared();
    assert!(pool.try_submit(Box::new(gated(&started, &release))).is_ok(), "an empty pool refused a task");
    started.wait(); // the only worker is busy now
    assert!(pool.try_submit(record(&log, 1)).is_ok(), "refused with one free slot in the queue");
    let Err(handed_back) = pool.try_submit(record(&log, 2)) else {
        panic!("try_submit accepted a task into a full queue (capacity 1, 1 queued, the worker busy)");
    };
    let m = pool.metrics();
    assert_eq!((m.rejected, m.queued, m.running), (1, 1, 1), "metrics with a full queue: {m:?}");
    handed_back(); // the caller still owns the refused task
    release.set();
    pool.shutdown();
    assert_eq!(ids(&log), [2, 1], "the refused task is the caller's; the queued one must still run");
}

/// Guarantee: a task that panics is counted as failed, and its worker goes
/// on to run the next task.
fn stage1_panic_is_isolated<B: Backend>() {
    let pool = Executor::<B>::new(1, 2);
    let log: Log<B> = Events::shared();
    assert!(pool.try_submit(failing()).is_ok(), "try_submit refused with room in the queue");
    assert!(pool.try_submit(record(&log, 1)).is_ok(), "try_submit refused with room in the queue");
    pool.shutdown();
    assert_eq!(ids(&log), [1], "the task queued behind a panicking one never ran");
    let m = pool.metrics();
    assert_eq!((m.completed, m.failed), (1, 1), "a panic must count as failed, the next task as completed: {m:?}");
}

/// Guarantee: shutdown runs everything already accepted before it returns,
/// then refuses new work; a second shutdown is harmless.
fn stage1_shutdown_drains_then_refuses<B: Backend>() {
    let pool = Executor::<B>::new(1, 2);
    let log: Log<B> = Events::shared();
    for id in 0..2 {
        assert!(pool.try_submit(record(&log, id)).is_ok(), "try_submit({id}) refused with room in the queue");
    }
    pool.shutdown();
    assert_eq!(ids(&log), [0, 1], "shutdown returned before the accepted tasks ran");
    assert!(pool.try_submit(record(&log, 9)).is_err(), "try_submit accepted a task after shutdown");
    let m = pool.metrics();
    assert_eq!((m.completed, m.rejected, m.queued), (2, 1, 0), "metrics after shutdown: {m:?}");
    pool.shutdown();
}

/// Guarantee: shutdown wakes every idle worker (none is left asleep) and
/// joins them all.
fn stage1_shutdown_wakes_every_idle_worker<B: Backend>() {
    let pool = Executor::<B>::new(2, 1);
    pool.shutdown();
    assert_eq!(pool.metrics(), Metrics::default(), "an idle pool reported activity");
}

/// Guarantee: every snapshot balances (submitted = accepted + rejected,
/// accepted = completed + failed + queued + running), even mid-flight.
fn stage1_metrics_balance_mid_flight<B: Backend>() {
    let pool = Executor::<B>::new(1, 1);
    let log: Log<B> = Events::shared();
    for id in 0..2 {
        let _ = pool.try_submit(record(&log, id));
        let m = pool.metrics();
        assert!(balanced(&m), "a snapshot taken while the worker runs does not balance: {m:?}");
    }
    pool.shutdown();
    let m = pool.metrics();
    assert!(balanced(&m), "the final snapshot does not balance: {m:?}");
    assert_eq!(m.completed as usize, log.entries().len(), "completed disagrees with the tasks that ran: {m:?}");
}

/// Guarantee: two submitters racing for the last free slot: exactly one
/// is accepted (the check and the push are one step), and a snapshot
/// taken while the other submit is in flight balances.
fn stage1_one_winner_for_the_last_slot<B: Backend>() {
    let pool = Arc::<B, _>::new(Executor::<B>::new(1, 1));
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let log: Log<B> = Events::shared();
    assert!(pool.try_submit(Box::new(gated(&started, &release))).is_ok(), "an empty pool refused a task");
    started.wait(); // the only worker is busy: one free slot is left
    let (p, l) = (pool.clone(), log.clone());
    let other = spawn::<B, _>("submitter", move || p.try_submit(record(&l, 1)).is_ok());
    let mine = pool.try_submit(record(&log, 2)).is_ok();
    let m = pool.metrics();
    assert!(balanced(&m), "a snapshot taken while another submit is in flight does not balance: {m:?}");
    let theirs = join(other);
    assert!(mine ^ theirs, "capacity 1, worker busy: exactly one of two racing submits must win (caller: {mine}, other: {theirs})");
    release.set();
    pool.shutdown();
}

/// Guarantee: two workers serve the shared queue in parallel and stay
/// alive while it is empty: a task may wait for the next one.
fn stage1_workers_serve_in_parallel<B: Backend>() {
    let pool = Executor::<B>::new(2, 2);
    let (opened, done) = (Latch::<B>::shared(), Latch::<B>::shared());
    let waits: Task = {
        let (opened, done) = (opened.clone(), done.clone());
        Box::new(move || {
            opened.wait();
            done.set();
        })
    };
    assert!(pool.try_submit(waits).is_ok(), "an empty pool refused a task");
    assert!(pool.try_submit(Box::new(move || opened.set())).is_ok(), "refused with room in the queue");
    done.wait(); // hangs unless a second worker takes the opener
    pool.shutdown();
}

// ---- stage 2: partitioning ----

/// Guarantee: a key's tasks run in submission order, all on worker
/// `partition_of(key)`, which is stable and in range.
fn stage2_one_key_in_order_on_its_worker<B: Backend>() {
    let pool = Executor::<B>::new(2, 2);
    let log: Log<B> = Events::shared();
    let p = pool.partition_of("user-7");
    assert!(p < 2 && p == pool.partition_of("user-7"), "partition_of(\"user-7\") = {p}: not stable, or not a worker index");
    for id in [1, 2] {
        assert!(pool.submit("user-7", record(&log, id)).is_ok(), "submit({id}) refused with room in its lane");
    }
    pool.shutdown();
    let ran = log.entries();
    assert_eq!(ids(&log), [1, 2], "tasks of one key ran out of submission order (or not once each): {ran:?}");
    for (id, worker) in &ran {
        assert_eq!(worker, &format!("worker-{p}"), "task {id} of key user-7 ran on {worker}, not its owner worker-{p}");
    }
}

/// Guarantee: a keyed task wakes its own worker (not just any worker) and
/// keys on different workers run in parallel: a task may wait for another
/// key's task without waiting for shutdown.
fn stage2_keys_wake_their_own_worker<B: Backend>() {
    let pool = Executor::<B>::new(2, 1);
    let (a, b) = two_partitions(&pool);
    let (opened, done) = (Latch::<B>::shared(), Latch::<B>::shared());
    let waits: Task = {
        let (opened, done) = (opened.clone(), done.clone());
        Box::new(move || {
            opened.wait();
            done.set();
        })
    };
    assert!(pool.submit(&a, waits).is_ok(), "submit refused on an empty pool");
    assert!(pool.submit(&b, Box::new(move || opened.set())).is_ok(), "submit refused on an empty lane");
    done.wait(); // hangs if a worker slept through its key's task, or keys share a worker
    pool.shutdown();
}

/// Guarantee: a hot key fills only its own lane (visible in `depths()`)
/// and is refused there while another key still gets in; keyed submits
/// count in the metrics.
fn stage2_hot_key_fills_only_its_lane<B: Backend>() {
    let pool = Executor::<B>::new(2, 1);
    let (hot, cold) = two_partitions(&pool);
    let (p, q) = (pool.partition_of(&hot), pool.partition_of(&cold));
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let log: Log<B> = Events::shared();
    assert!(pool.submit(&hot, Box::new(gated(&started, &release))).is_ok(), "submit refused on an empty pool");
    started.wait(); // worker p is busy with the hot key
    assert!(pool.submit(&hot, record(&log, 1)).is_ok(), "hot submit refused with room in its lane");
    let depths = pool.depths();
    assert_eq!((depths.len(), depths[p], depths[q]), (2, 1, 0), "the hot key waits in worker {p}'s lane: depths() = {depths:?}");
    assert!(pool.submit(&hot, record(&log, 2)).is_err(), "a full lane must refuse (capacity 1 per lane)");
    assert!(pool.submit(&cold, record(&log, 3)).is_ok(), "a cold key was refused because another lane is full");
    release.set();
    pool.shutdown();
    let m = pool.metrics();
    assert_eq!((m.submitted, m.accepted, m.rejected, m.completed), (4, 3, 1, 3), "keyed submits count like try_submit: {m:?}");
}

// ---- stage 3: backpressure and failures ----

/// Guarantee: `overloaded()` switches on above 80% of capacity, stays on
/// between 50% and 80% while the queue drains, and is off once drained.
fn stage3_pressure_signal_has_hysteresis<B: Backend>() {
    let pool = Executor::<B>::new(1, 4);
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let (started2, release2) = (Latch::<B>::shared(), Latch::<B>::shared());
    assert!(!pool.overloaded(), "an idle pool reports overload");
    assert!(pool.try_submit(Box::new(gated(&started, &release))).is_ok(), "an empty pool refused a task");
    started.wait(); // the worker is busy: the queue fills
    assert!(pool.try_submit(Box::new(gated(&started2, &release2))).is_ok(), "refused with room");
    for _ in 0..3 {
        assert!(pool.try_submit(Box::new(|| {})).is_ok(), "refused with room");
    }
    assert!(pool.overloaded(), "4 of 4 waiting (above 80%): overloaded() must be on");
    release.set();
    started2.wait(); // 3 of 4 waiting: between the thresholds
    assert!(pool.overloaded(), "3 of 4 waiting: between 50% and 80% the signal keeps its value (on)");
    release2.set();
    pool.shutdown();
    assert!(!pool.overloaded(), "drained: overloaded() must be off");
}

/// Guarantee: failures are counted exactly, per worker, even when two
/// workers report one at the same moment.
fn stage3_failures_counted_per_worker<B: Backend>() {
    let pool = Executor::<B>::new(2, 1);
    let (a, b) = two_partitions(&pool);
    let (p, q) = (pool.partition_of(&a), pool.partition_of(&b));
    assert!(pool.submit(&a, failing()).is_ok(), "submit refused on an empty pool");
    assert!(pool.submit(&b, failing()).is_ok(), "submit refused on an empty lane");
    pool.shutdown();
    let stats = pool.worker_stats();
    assert_eq!(stats.len(), 2, "worker_stats() must have one entry per worker: {stats:?}");
    assert_eq!((stats[p].failed, stats[q].failed), (1, 1), "one failure on each worker: {stats:?}");
    assert_eq!((stats[p].finished, stats[q].finished), (1, 1), "a failed task is still finished: {stats:?}");
    assert_eq!(pool.metrics().failed, 2, "metrics().failed must be the sum: {:?}", pool.metrics());
}

/// Guarantee: a worker stuck on one task is flagged, even while its
/// sibling keeps finishing tasks; the idle or progressing sibling is not.
fn stage3_stuck_worker_flagged_despite_busy_sibling<B: Backend>() {
    let pool = Executor::<B>::new(2, 2);
    let (slow, fast) = two_partitions(&pool);
    let (p, q) = (pool.partition_of(&slow), pool.partition_of(&fast));
    let (started, release, second) = (Latch::<B>::shared(), Latch::<B>::shared(), Latch::<B>::shared());
    assert!(pool.submit(&slow, Box::new(gated(&started, &release))).is_ok(), "submit refused on an empty pool");
    started.wait(); // worker p is busy, and stays so
    let earlier = pool.worker_stats();
    assert!(earlier[p].busy && !earlier[q].busy, "worker {p} runs a task, worker {q} none: {earlier:?}");
    assert!(pool.submit(&fast, Box::new(|| {})).is_ok(), "submit refused on an empty lane");
    let s = second.clone();
    assert!(pool.submit(&fast, Box::new(move || s.set())).is_ok(), "submit refused with room in the lane");
    second.wait(); // worker q finished its first task and runs its second
    let stuck = pool.stuck_workers(&earlier);
    release.set();
    pool.shutdown();
    assert_eq!(stuck, [p], "worker {p} finished nothing while busy; worker {q} made progress");
}

exercises::suite! {
    exercise: "interview_full_round",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        stage1_every_task_runs_once_on_a_named_worker,
        stage1_full_queue_refuses_at_once,
        stage1_panic_is_isolated,
        stage1_shutdown_drains_then_refuses,
        stage1_shutdown_wakes_every_idle_worker,
        stage1_metrics_balance_mid_flight,
        stage1_one_winner_for_the_last_slot,
        stage1_workers_serve_in_parallel,
        stage2_one_key_in_order_on_its_worker,
        stage2_keys_wake_their_own_worker,
        stage2_hot_key_fills_only_its_lane,
        stage3_pressure_signal_has_hysteresis,
        stage3_failures_counted_per_worker,
        stage3_stuck_worker_flagged_despite_busy_sibling,
    ],
}
