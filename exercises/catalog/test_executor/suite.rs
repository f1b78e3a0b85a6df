//! Grades `test_executor`: the learner's scenario must pass on the drill's
//! reference executor and fail on each of its four broken ones.

use super::answer::scenario;
use exercises::prelude::*;
use exercises::subjects::executor::{
    CountersOutsideLock, ExitsWithoutDraining, NotifyOneAtShutdown, Reference, WorkerDiesOnPanic,
};

/// Guarantee: the test raises no false alarm on a correct executor.
fn passes_on_the_reference<B: Backend>() {
    scenario::<B, Reference<B>>();
}

/// The test must fail on an executor whose worker dies with its task.
fn on_worker_dies_on_panic<B: Backend>() {
    scenario::<B, WorkerDiesOnPanic<B>>();
}

/// The test must fail on an executor that drops queued work at shutdown.
fn on_exits_without_draining<B: Backend>() {
    scenario::<B, ExitsWithoutDraining<B>>();
}

/// The test must fail on an executor whose shutdown leaves a worker asleep.
fn on_notify_one_at_shutdown<B: Backend>() {
    scenario::<B, NotifyOneAtShutdown<B>>();
}

/// The test must fail on an executor whose snapshots can fail to balance.
fn on_counters_outside_lock<B: Backend>() {
    scenario::<B, CountersOutsideLock<B>>();
}

exercises::suite! {
    exercise: "test_executor",
    checkers: ["shuttle", "loom"],
    scenarios: [passes_on_the_reference],
    catches: [
        on_worker_dies_on_panic: "a task's panic unwinds through the worker loop and ends the worker",
        on_exits_without_draining: "workers leave as soon as shutdown is flagged, dropping tasks still queued",
        on_notify_one_at_shutdown: "shutdown wakes one idle worker with notify_one; another sleeps on and the join hangs",
        on_counters_outside_lock: "the counters are separate atomics, so a snapshot taken mid-flight can miss a task between queued and running",
    ],
}
