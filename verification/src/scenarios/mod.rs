//! The executor's scenarios, each a function generic over the backend that
//! guards one named guarantee. The test binaries run every one under real
//! threads (`std_scenarios`), loom (`loom_scenarios`) and shuttle
//! (`shuttle_scenarios`).
//!
//! Models stay small (at most three threads, one to three tasks) because
//! loom's search grows exponentially with both.

mod abandoned_value;
mod cancel_races_start;
mod cancel_signal;
mod fast_operations;
mod fast_pool;
mod fast_pressure_events;
mod fast_priorities;
mod fast_retries;
mod hooks_outside_lock;
mod idle_worker_wakes;
mod join_timeout_wakes;
mod keys_independent;
mod lifecycle_from_task;
mod metrics_consistent;
mod no_task_lost;
mod on_complete_once;
mod own_lane_helps;
mod panic_isolated;
mod panic_keeps_key_order;
mod panicking_drop;
mod parking_wakes;
mod partitioned_discard_oldest;
mod partitioned_shutdown;
mod per_key_fifo;
mod policies_lose_nothing;
mod pressure_signal;
mod priority_aging;
mod resize_keeps_order;
mod retry_ends_once;
mod retry_keeps_key_order;
mod ring_queue;
mod shrink_retires;
mod shutdown_now_accounting;
mod shutdown_races_submit;
mod shutdown_timeout;
mod shutdown_wakes_blocked_submitter;
mod shutdowns_race;
mod stuck_reported;
mod supervision;
pub mod support;
mod task_set_collects;
mod termination_wakes_every_waiter;
mod try_submit_full;
mod wait_idle;
mod zero_timeouts;

pub use abandoned_value::abandoned_value;
pub use cancel_races_start::cancel_races_start;
pub use cancel_signal::cancel_signal_stops_task;
pub use fast_operations::{
    fast_heartbeat_reads_whole, fast_pressure_returns_to_normal, fast_stuck_task_reported,
    fast_timed_pressure_returns_to_normal,
};
pub use fast_pool::{
    fast_blocked_submitter_wakes, fast_metrics_never_overcount, fast_no_task_lost,
    fast_per_key_fifo, fast_shutdown_races_submit,
};
pub use fast_pressure_events::fast_pressure_events_once_in_order;
pub use fast_priorities::fast_low_priority_not_starved;
pub use fast_retries::{fast_retry_ends_once, fast_retry_keeps_key_order};
pub use hooks_outside_lock::hooks_outside_lock;
pub use idle_worker_wakes::idle_worker_wakes;
pub use join_timeout_wakes::join_timeout_wakes;
pub use keys_independent::keys_independent;
pub use lifecycle_from_task::{dropped_from_task, shutdown_from_task};
pub use metrics_consistent::{metrics_consistent, metrics_consistent_while_blocked};
pub use no_task_lost::no_task_lost;
pub use on_complete_once::on_complete_once;
pub use own_lane_helps::own_lane_helps;
pub use panic_isolated::panic_isolated;
pub use panic_keeps_key_order::panic_keeps_key_order;
pub use panicking_drop::panicking_drop;
pub use parking_wakes::parking_wakes_each;
pub use partitioned_discard_oldest::partitioned_discard_oldest;
pub use partitioned_shutdown::{partitioned_shutdown_drains, partitioned_shutdown_now};
pub use per_key_fifo::per_key_fifo;
pub use policies_lose_nothing::{caller_runs_loses_nothing, discard_oldest_loses_nothing};
pub use pressure_signal::pressure_returns_to_normal;
pub use priority_aging::low_priority_not_starved;
pub use resize_keeps_order::resize_keeps_order;
pub use retry_ends_once::retry_ends_once;
pub use retry_keeps_key_order::retry_keeps_key_order;
pub use ring_queue::{
    ring_close_drains, ring_two_consumers, ring_two_producers, ring_wraps_when_full,
};
pub use shrink_retires::{
    partitioned_shrink_retires, shared_resize_retires, shared_shrink_leaves_promptly,
};
pub use shutdown_now_accounting::{fast_shutdown_now_accounting, shutdown_now_accounting};
pub use shutdown_races_submit::shutdown_races_submit;
pub use shutdown_timeout::shutdown_timeout;
pub use shutdown_wakes_blocked_submitter::shutdown_wakes_blocked_submitter;
pub use shutdowns_race::{fast_shutdowns_race, shutdowns_race};
pub use stuck_reported::stuck_task_reported;
pub use supervision::supervisor_restarts_within_cap;
pub use task_set_collects::task_set_collects;
pub use termination_wakes_every_waiter::termination_wakes_every_waiter;
pub use try_submit_full::try_submit_full;
pub use wait_idle::wait_idle_wakes;
pub use zero_timeouts::zero_timeouts;

/// Schedules per shuttle scheduler for each scenario:
/// `CHECK_SHUTTLE_ITERATIONS`, else 500 (deep tier, `CHECK_DEEP=1`:
/// 3,000). The scenarios' models are small, loom explores each
/// exhaustively up to its bound, and the bug zoo's bugs, in models of the
/// same size, are found within 57 schedules at worst (the detection
/// matrix's worst of 20 seeds), so 500 leaves a margin of eight; the deep
/// tier, which CI also runs, gives more.
pub fn shuttle_schedules() -> usize {
    crate::check::tiered("CHECK_SHUTTLE_ITERATIONS", 500, 3_000) as usize
}

/// loom's preemption bound for the scenarios with three threads parking on
/// one lane (`ring_two_consumers`, `fast_per_key_fifo`):
/// `CHECK_LOOM_BOUND`, else 1. At bound 2 each takes two minutes or more
/// on the reference machine; the protocols they exercise are checked at
/// bound 2 by the two-thread scenarios (`ring_two_producers`,
/// `ring_wraps_when_full`, `ring_close_drains`, `parking_wakes_each`, the
/// other `fast_*` ones), and shuttle runs these two in full.
pub fn heavy_loom_bound() -> usize {
    crate::check::setting("CHECK_LOOM_BOUND", 1) as usize
}

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
            cancel_races_start,
            join_timeout_wakes,
            on_complete_once,
            wait_idle_wakes,
            task_set_collects,
            hooks_outside_lock,
            cancel_signal_stops_task,
            own_lane_helps,
            shutdowns_race,
            panicking_drop,
            shared_resize_retires,
            shared_shrink_leaves_promptly,
            // The partitioned pool.
            per_key_fifo,
            keys_independent,
            panic_keeps_key_order,
            partitioned_shutdown_drains,
            partitioned_shutdown_now,
            resize_keeps_order,
            partitioned_shrink_retires,
            partitioned_discard_oldest,
            // The fast core: the ring alone, then the pools built on it.
            ring_two_producers,
            ring_wraps_when_full,
            ring_close_drains,
            fast_no_task_lost,
            fast_blocked_submitter_wakes,
            fast_shutdown_races_submit,
            fast_metrics_never_overcount,
            // Operating under overload and failure.
            pressure_returns_to_normal,
            stuck_task_reported,
            fast_pressure_returns_to_normal,
            fast_stuck_task_reported,
            fast_heartbeat_reads_whole,
            supervisor_restarts_within_cap,
            low_priority_not_starved,
            fast_low_priority_not_starved,
            retry_ends_once,
            retry_keeps_key_order,
            fast_retry_ends_once,
            fast_retry_keeps_key_order,
        );
        // Three threads parking on one lane: minutes at loom's bound 2,
        // seconds at 1 (see `heavy_loom_bound`).
        $crate::scenario_tests!(@heavy $method, $backend:
            ring_two_consumers,
            fast_per_key_fifo,
            // Two more locks (the looks' and the worker's queue-wait
            // samples): 63,288 executions, 49 s at bound 2.
            fast_timed_pressure_returns_to_normal,
            // Three threads and a lock held across joins: 21,767
            // executions, 14 s at bound 2.
            fast_shutdowns_race,
            // Three threads (main, a worker, the watcher) and the looks'
            // lock.
            fast_pressure_events_once_in_order,
            // The caller and the worker popping one ring: 42,526
            // executions, 20 s at bound 2.
            fast_shutdown_now_accounting,
        );
        #[test]
        fn parking_wakes_each() {
            $crate::check::Check::new("parking_wakes_each")
                .iterations($crate::scenarios::shuttle_schedules())
                .with_spurious_wakeups()
                .$method($crate::scenarios::parking_wakes_each::<$backend>);
        }
        #[test]
        fn idle_worker_wakes() {
            $crate::check::Check::new("idle_worker_wakes")
                .iterations($crate::scenarios::shuttle_schedules())
                .with_spurious_wakeups()
                .$method($crate::scenarios::idle_worker_wakes::<$backend>);
        }
    };
    (@heavy $method:ident, $backend:ty: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::check::Check::new(stringify!($name))
                    .iterations($crate::scenarios::shuttle_schedules())
                    .loom_bound($crate::scenarios::heavy_loom_bound())
                    .$method($crate::scenarios::$name::<$backend>);
            }
        )*
    };
    (@plain $method:ident, $backend:ty: $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::check::Check::new(stringify!($name))
                    .iterations($crate::scenarios::shuttle_schedules())
                    .$method($crate::scenarios::$name::<$backend>);
            }
        )*
    };
}
// ANCHOR_END: scenario_tests
