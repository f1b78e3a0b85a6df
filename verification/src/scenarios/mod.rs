//! The executor's scenarios, each a function generic over the backend that
//! guards one named guarantee. The test binaries run every one under real
//! threads (`std_scenarios`), loom (`loom_scenarios`) and shuttle
//! (`shuttle_scenarios`).
//!
//! Models stay small (at most three threads, one to three tasks) because
//! loom's search grows exponentially with both.

mod idle_worker_wakes;
mod lifecycle_from_task;
mod metrics_consistent;
mod no_task_lost;
mod panic_isolated;
mod policies_lose_nothing;
mod shutdown_now_accounting;
mod shutdown_races_submit;
pub mod support;
mod try_submit_full;

pub use idle_worker_wakes::idle_worker_wakes;
pub use lifecycle_from_task::{dropped_from_task, shutdown_from_task};
pub use metrics_consistent::metrics_consistent;
pub use no_task_lost::no_task_lost;
pub use panic_isolated::panic_isolated;
pub use policies_lose_nothing::{caller_runs_loses_nothing, discard_oldest_loses_nothing};
pub use shutdown_now_accounting::shutdown_now_accounting;
pub use shutdown_races_submit::shutdown_races_submit;
pub use try_submit_full::try_submit_full;

/// Lists every scenario as `name => check modifier`, for the test binaries:
/// `for_each_scenario!(my_macro)` calls `my_macro!(name, Check::new(..))`
/// once per scenario.
#[macro_export]
macro_rules! for_each_scenario {
    ($m:ident) => {
        $m!(no_task_lost, $crate::check::Check::new("no_task_lost"));
        $m!(
            try_submit_full,
            $crate::check::Check::new("try_submit_full")
        );
        $m!(
            shutdown_races_submit,
            $crate::check::Check::new("shutdown_races_submit")
        );
        $m!(
            shutdown_now_accounting,
            $crate::check::Check::new("shutdown_now_accounting")
        );
        $m!(panic_isolated, $crate::check::Check::new("panic_isolated"));
        $m!(
            idle_worker_wakes,
            $crate::check::Check::new("idle_worker_wakes").with_spurious_wakeups()
        );
        $m!(
            metrics_consistent,
            $crate::check::Check::new("metrics_consistent")
        );
        $m!(
            discard_oldest_loses_nothing,
            $crate::check::Check::new("discard_oldest_loses_nothing")
        );
        $m!(
            caller_runs_loses_nothing,
            $crate::check::Check::new("caller_runs_loses_nothing")
        );
        $m!(
            shutdown_from_task,
            $crate::check::Check::new("shutdown_from_task")
        );
        $m!(
            dropped_from_task,
            $crate::check::Check::new("dropped_from_task")
        );
    };
}
