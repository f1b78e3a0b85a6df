//! # A DAG scheduler: run each task once its dependencies are done
//!
//! A build system, a data pipeline and a test runner all do the same
//! thing: run a graph of tasks on a few worker threads, each task only
//! once every task it depends on has finished. The workers share a ready
//! queue (tasks whose dependencies are all done) and a count, per task,
//! of dependencies still unfinished. A worker that finishes a task
//! decrements the count of each task that depends on it; the one that
//! brings a count to zero puts that task on the ready queue.
//!
//! Two things are harder than they look. The decrement and the test for
//! zero must be one step: two dependencies finishing together must not
//! both see 2 (the task then never runs) or both see 0 (it runs twice).
//! And termination: an empty ready queue does not mean the run is over
//! while another worker is still running a task whose dependents are
//! about to become ready. The run is over when every task has finished;
//! until then an idle worker sleeps on a condition variable.
//!
//! ## Your task
//! Implement `run_dag(deps, workers, run)`: tasks are `0..deps.len()`,
//! `deps[t]` lists the tasks `t` depends on (the graph has no cycle).
//! - run exactly `workers` worker threads, and call `run(t)` for every
//!   task exactly once, on a worker;
//! - `run(t)` starts only after `run(d)` has returned for every `d` in
//!   `deps[t]`; tasks that are ready together may run at the same time;
//! - idle workers sleep rather than spin, every worker exits once all the
//!   tasks have finished, and `run_dag` joins them all before returning.
//!
//! This is graded by trace validity: the suite logs every task's start
//! and finish and checks the whole log, under every schedule the checkers
//! try, with spurious wake-ups injected.
//!
//! ## The Python 3.8 shape
//! ```python
//! from typing import Callable, List
//!
//! def run_dag(deps: List[List[int]], workers: int,
//!             run: Callable[[int], None]) -> None: ...
//! ```
//!
//! Grade with `cargo drill check dag_scheduler`.

use exercises::prelude::*;

// ANCHOR: skeleton
/// What the workers share, all under one lock (a suggestion).
struct Schedule {
    /// Tasks whose dependencies have all finished, not yet taken.
    ready: VecDeque<usize>,
    /// For each task, how many of its dependencies have not finished.
    unfinished_deps: Vec<usize>,
    /// Tasks not finished yet (taken or not).
    unfinished: usize,
}

/// Runs every task of the graph `deps` on `workers` threads, each after
/// its dependencies; returns when all have finished.
pub fn run_dag<B, F>(deps: Vec<Vec<usize>>, workers: usize, run: F)
where
    B: Backend,
    F: Fn(usize) + Send + Sync + 'static,
{
    todo!(
        "share a Mutex<Schedule>, a Condvar and each task's dependents; spawn the workers; join them"
    )
}
// ANCHOR_END: skeleton
