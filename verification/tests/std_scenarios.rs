//! Every scenario on real threads, repeated `CHECK_STD_RUNS` times. Real
//! threads only sample interleavings: these pass easily; the loom and
//! shuttle binaries are the ones that search.

// ANCHOR: std_scenarios
mod std {
    verification::scenario_tests!(std, executor::sync::Std);
}
// ANCHOR_END: std_scenarios
