//! Every scenario under loom: exhaustive up to a preemption bound of 2
//! (`CHECK_LOOM_BOUND` raises it). Kept apart from the shuttle binary:
//! shuttle's panic hook is process-wide. Each loom run happens in a child
//! process, since a loom model that finds a deadlock can abort its process.

// ANCHOR: loom_scenarios
mod loom {
    verification::scenario_tests!(loom, verification::Loom);
}
// ANCHOR_END: loom_scenarios
