//! Grades `interview_supervision`: one or two workers, tasks that kill
//! their worker on some runs, and the final report judged as a whole
//! (every accepted task ended exactly once, completed or dead-lettered).

use super::answer::{Outcome, Report, Supervisor, Task};
use exercises::prelude::*;
use exercises::trace_check::{Events, Latch, Rendezvous};

type Runs<B> = Arc<B, Events<B, u32>>;

/// A task that logs each run of `id`, and kills its worker on the first
/// `fatal_runs` runs (`u32::MAX`: on every run).
fn task<B: Backend>(runs: &Runs<B>, id: u32, fatal_runs: u32) -> Task {
    let (runs, mut ran) = (runs.clone(), 0);
    Box::new(move || {
        runs.push(id);
        ran += 1;
        if ran <= fatal_runs {
            Outcome::Fatal
        } else {
            Outcome::Done
        }
    })
}

/// Every id in `accepted` ended exactly once, as completed or dead-lettered.
fn each_ended_once(report: &Report, accepted: &[u32]) {
    let mut ended: Vec<u32> = report.completed.clone();
    ended.extend(report.dead_letters.iter().map(|&(id, _)| id));
    ended.sort_unstable();
    let mut want = accepted.to_vec();
    want.sort_unstable();
    assert_eq!(
        ended, want,
        "every accepted task must end exactly once, completed or dead-lettered: {report:?}"
    );
}

/// Guarantee: the task a dead worker held is not lost: it runs again on
/// the replacement and completes (at-least-once), and the queue behind it
/// still drains.
fn held_task_runs_again<B: Backend>() {
    let pool = Supervisor::<B>::new(1, 3, 2);
    let runs = Events::<B, u32>::shared();
    assert!(
        pool.submit(1, task(&runs, 1, 1)).is_ok(),
        "submit refused by a fresh pool"
    );
    assert!(
        pool.submit(2, task(&runs, 2, 0)).is_ok(),
        "submit refused by a healthy pool"
    );
    let report = pool.shutdown();
    each_ended_once(&report, &[1, 2]);
    assert_eq!(
        runs.sorted(),
        [1, 1, 2],
        "task 1 kills its worker once, then must run again on the replacement"
    );
    assert_eq!(
        (report.restarts, report.failed),
        (1, false),
        "one death, one replacement: {report:?}"
    );
}

/// Guarantee: a task that kills every worker that runs it is dead-lettered
/// after exactly `max_attempts` runs, with that count, and the pool lives
/// on for the next task.
fn poison_task_dead_lettered<B: Backend>() {
    let pool = Supervisor::<B>::new(1, 2, 3);
    let runs = Events::<B, u32>::shared();
    assert!(
        pool.submit(1, task(&runs, 1, u32::MAX)).is_ok(),
        "submit refused by a fresh pool"
    );
    assert!(
        pool.submit(2, task(&runs, 2, 0)).is_ok(),
        "submit refused by a healthy pool"
    );
    let report = pool.shutdown();
    assert_eq!(
        report.dead_letters,
        [(1, 2)],
        "max_attempts 2: the poison task runs twice, then is dead-lettered with attempts 2"
    );
    assert_eq!(
        report.completed,
        [2],
        "the task behind the poison one must complete: {report:?}"
    );
    assert_eq!(
        runs.sorted(),
        [1, 1, 2],
        "runs of each task (max_attempts 2)"
    );
    assert_eq!(
        (report.restarts, report.failed),
        (2, false),
        "two deaths under a cap of 3: {report:?}"
    );
}

/// Guarantee: past the restart cap the pool fails instead of restarting
/// for ever: the held and queued tasks are dead-lettered, submissions are
/// refused, and shutdown still returns.
fn restart_cap_fails_the_pool<B: Backend>() {
    let pool = Supervisor::<B>::new(1, 3, 1);
    let runs = Events::<B, u32>::shared();
    assert!(
        pool.submit(1, task(&runs, 1, u32::MAX)).is_ok(),
        "submit refused by a fresh pool"
    );
    let mut accepted = vec![1];
    match pool.submit(2, task(&runs, 2, 0)) {
        Ok(()) => accepted.push(2),
        Err(_) => assert!(
            pool.report().failed,
            "submit refused while the pool had neither failed nor shut down"
        ),
    }
    let report = pool.shutdown();
    each_ended_once(&report, &accepted);
    assert!(
        report.failed,
        "two deaths with max_restarts 1: the pool must fail: {report:?}"
    );
    assert_eq!(report.restarts, 1, "max_restarts 1: {report:?}");
    assert!(
        report.dead_letters.contains(&(1, 2)),
        "the poison task held at the fatal death ran twice: {report:?}"
    );
    assert!(
        pool.submit(3, task(&runs, 3, 0)).is_err(),
        "a failed pool accepted a task"
    );
}

/// Guarantee: two workers dying at once share the restart cap (one
/// replacement for a cap of one, then the pool fails), and neither held
/// task is lost or ends twice.
fn two_deaths_at_once<B: Backend>() {
    let pool = Supervisor::<B>::new(2, 3, 1);
    let (runs, meet) = (Events::<B, u32>::shared(), Rendezvous::<B>::shared(2));
    for id in [1, 2] {
        let (mut first, meet, mut run) = (true, meet.clone(), task(&runs, id, 1));
        let together: Task = Box::new(move || {
            if std::mem::take(&mut first) {
                meet.arrive(); // both workers hold a task when either dies
            }
            run()
        });
        assert!(
            pool.submit(id, together).is_ok(),
            "submit refused by a fresh pool"
        );
    }
    let report = pool.shutdown();
    each_ended_once(&report, &[1, 2]);
    assert_eq!(
        (report.restarts, report.failed),
        (1, true),
        "two deaths, max_restarts 1: one replacement, then failed: {report:?}"
    );
}

/// Guarantee: shutdown returns only after every worker, replacements
/// started during the drain included, has finished: a worker dying as
/// shutdown begins still has its task run to the end first.
fn shutdown_joins_replacements<B: Backend>() {
    let pool = Supervisor::<B>::new(1, 2, 1);
    let (runs, started) = (Events::<B, u32>::shared(), Latch::<B>::shared());
    let (signal, mut run) = (started.clone(), task(&runs, 1, 1));
    let dies_once: Task = Box::new(move || {
        signal.set();
        run()
    });
    assert!(
        pool.submit(1, dies_once).is_ok(),
        "submit refused by a fresh pool"
    );
    started.wait(); // a worker is running the task that kills it
    let report = pool.shutdown();
    assert_eq!(
        report.completed,
        [1],
        "shutdown returned before the replacement ran the retry: {report:?}"
    );
    assert_eq!(
        pool.report(),
        report,
        "the report changed after shutdown returned: a worker was still running"
    );
}

/// Guarantee: shutdown wakes every idle worker (none is left asleep, so
/// it never hangs), and a pool that did no work reports none.
fn shutdown_wakes_idle_workers<B: Backend>() {
    let pool = Supervisor::<B>::new(2, 1, 1);
    let report = pool.shutdown();
    assert_eq!(report, Report::default(), "an idle pool reported activity");
}

exercises::suite! {
    exercise: "interview_supervision",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        held_task_runs_again,
        poison_task_dead_lettered,
        restart_cap_fails_the_pool,
        two_deaths_at_once,
        shutdown_joins_replacements,
        shutdown_wakes_idle_workers,
    ],
}
