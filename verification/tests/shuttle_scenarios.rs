//! Every scenario under shuttle: `CHECK_SHUTTLE_ITERATIONS` (default 500,
//! 3,000 under `CHECK_DEEP=1`, see `scenarios::shuttle_schedules`) random
//! schedules, and as many under PCT with depth 3.

// ANCHOR: shuttle_scenarios
mod shuttle_random {
    verification::scenario_tests!(shuttle_random, verification::Shuttle);
}

mod shuttle_pct {
    verification::scenario_tests!(shuttle_pct, verification::Shuttle);
}
// ANCHOR_END: shuttle_scenarios
