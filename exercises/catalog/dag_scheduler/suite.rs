//! Grades `dag_scheduler` by trace validity: every task's start and finish
//! is logged, and the whole log is judged: each task started and finished
//! once, never before its dependencies finished, and all finished by the
//! time `run_dag` returns.

use super::answer::run_dag;
use exercises::prelude::*;
use exercises::trace_check::{Events, Rendezvous};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Starts(usize),
    Finishes(usize),
}

/// Checks the log of a run of the graph `deps`.
fn check_log(deps: &[&[usize]], log: &[Event]) {
    let at = |event: Event| {
        let seen: Vec<usize> = (0..log.len()).filter(|&i| log[i] == event).collect();
        match seen[..] {
            [i] => i,
            [] => panic!(
                "{event:?} is not in the log: every task runs once, before run_dag returns (log: {log:?})"
            ),
            _ => panic!(
                "{event:?} is in the log {} times: every task runs exactly once (log: {log:?})",
                seen.len()
            ),
        }
    };
    for (task, needs) in deps.iter().enumerate() {
        let starts = at(Event::Starts(task));
        assert!(
            at(Event::Finishes(task)) > starts,
            "task {task} finished before it started (log: {log:?})"
        );
        for &need in needs.iter() {
            assert!(
                at(Event::Finishes(need)) < starts,
                "task {task} started before its dependency {need} finished (log: {log:?})"
            );
        }
    }
    assert_eq!(
        log.len(),
        2 * deps.len(),
        "the log has runs of tasks not in the graph: {log:?}"
    );
}

/// Runs the graph `deps` on `workers` workers, `meet` (if any) holding
/// the tasks after the first until that many of them have started.
fn run_graph<B: Backend>(deps: &'static [&'static [usize]], workers: usize, meet: Option<usize>) {
    let log = Events::<B, Event>::shared();
    let meet = meet.map(Rendezvous::<B>::shared);
    let task_log = log.clone();
    let run = move |task: usize| {
        task_log.push(Event::Starts(task));
        if let (Some(meet), true) = (&meet, task > 0) {
            meet.arrive();
        }
        task_log.push(Event::Finishes(task));
    };
    run_dag::<B, _>(
        deps.iter().map(|needs| needs.to_vec()).collect(),
        workers,
        run,
    );
    check_log(deps, &log.entries());
}

/// Guarantee: a diamond (0 before 1 and 2, both before 3) runs each task
/// once and in order, though 1 and 2 finish together and both release 3.
fn diamond<B: Backend>() {
    run_graph::<B>(&[&[], &[0], &[0], &[1, 2]], 2, None);
}

/// Guarantee: on a chain the ready queue is empty every time a task runs;
/// the idle worker waits rather than declaring the run over, and every
/// worker leaves at the end.
fn chain<B: Backend>() {
    run_graph::<B>(&[&[], &[0], &[1]], 2, None);
}

/// Guarantee: tasks ready together run together, and a finished task
/// wakes every idle worker: the tasks after the root each wait until all
/// of them have started, so the run ends only if that many workers run
/// them at once. loom explores two workers (four threads are past its
/// time limit).
fn ready_tasks_run_in_parallel<B: Backend>() {
    if B::NAME == "loom" {
        run_graph::<B>(&[&[], &[0], &[0]], 2, Some(2));
    } else {
        run_graph::<B>(&[&[], &[0], &[0], &[0]], 3, Some(3));
    }
}

exercises::suite! {
    exercise: "dag_scheduler",
    checkers: ["std", "shuttle", "loom"],
    spurious: true,
    scenarios: [diamond, chain, ready_tasks_run_in_parallel],
}
