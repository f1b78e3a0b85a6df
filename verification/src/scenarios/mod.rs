//! The executor's scenarios, each a function generic over the backend that
//! guards one named guarantee. The test binaries run every one under real
//! threads (`std_scenarios`), loom (`loom_scenarios`) and shuttle
//! (`shuttle_scenarios`).
//!
//! Models stay small (at most three threads, one to three tasks) because
//! loom's search grows exponentially with both.

mod abandoned_value;
mod idle_worker_wakes;
mod keys_independent;
mod lifecycle_from_task;
mod metrics_consistent;
mod no_task_lost;
mod panic_isolated;
mod panic_keeps_key_order;
mod partitioned_shutdown;
mod per_key_fifo;
mod policies_lose_nothing;
mod resize_keeps_order;
mod shutdown_now_accounting;
mod shutdown_races_submit;
mod shutdown_timeout;
mod shutdown_wakes_blocked_submitter;
pub mod support;
mod termination_wakes_every_waiter;
mod try_submit_full;
mod zero_timeouts;

pub use abandoned_value::abandoned_value;
pub use idle_worker_wakes::idle_worker_wakes;
pub use keys_independent::keys_independent;
pub use lifecycle_from_task::{dropped_from_task, shutdown_from_task};
pub use metrics_consistent::{metrics_consistent, metrics_consistent_while_blocked};
pub use no_task_lost::no_task_lost;
pub use panic_isolated::panic_isolated;
pub use panic_keeps_key_order::panic_keeps_key_order;
pub use partitioned_shutdown::{partitioned_shutdown_drains, partitioned_shutdown_now};
pub use per_key_fifo::per_key_fifo;
pub use policies_lose_nothing::{caller_runs_loses_nothing, discard_oldest_loses_nothing};
pub use resize_keeps_order::resize_keeps_order;
pub use shutdown_now_accounting::shutdown_now_accounting;
pub use shutdown_races_submit::shutdown_races_submit;
pub use shutdown_timeout::shutdown_timeout;
pub use shutdown_wakes_blocked_submitter::shutdown_wakes_blocked_submitter;
pub use termination_wakes_every_waiter::termination_wakes_every_waiter;
pub use try_submit_full::try_submit_full;
pub use zero_timeouts::zero_timeouts;

// ANCHOR: scenario_tests
/// Emits one `#[test]` per scenario, in the calling module, running it
/// with the given [`Check`](crate::check::Check) method and backend:
/// `mod loom { verification::scenario_tests!(loom, verification::Loom); }`.
#[macro_export]
macro_rules! scenario_tests {
    ($method:ident, $backend:ty) => {
        $crate::scenario_tests!(@plain $method, $backend:
            // The shared pool.
            no_task_lost,
            try_submit_full,
            shutdown_races_submit,
            shutdown_now_accounting,
            panic_isolated,
            abandoned_value,
            metrics_consistent,
            metrics_consistent_while_blocked,
            discard_oldest_loses_nothing,
            caller_runs_loses_nothing,
            shutdown_from_task,
            dropped_from_task,
            shutdown_wakes_blocked_submitter,
            shutdown_timeout,
            termination_wakes_every_waiter,
            zero_timeouts,
            // The partitioned pool.
            per_key_fifo,
            keys_independent,
            panic_keeps_key_order,
            partitioned_shutdown_drains,
            partitioned_shutdown_now,
            resize_keeps_order,
        );
        #[test]
        fn idle_worker_wakes() {
            $crate::check::Check::new("idle_worker_wakes")
                .with_spurious_wakeups()
                .$method($crate::scenarios::idle_worker_wakes::<$backend>);
        }
    };
    (@plain $method:ident, $backend:ty: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::check::Check::new(stringify!($name))
                    .$method($crate::scenarios::$name::<$backend>);
            }
        )*
    };
}
// ANCHOR_END: scenario_tests
